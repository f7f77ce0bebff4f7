using Incubator.Seasons.Persistence;
using MediatR;

namespace Incubator.Seasons.Features.Cohort;

internal sealed record GetCohort(Guid SeasonId) : IRequest<CohortDto>;

internal sealed class GetCohortHandler(SeasonsDbContext db) : IRequestHandler<GetCohort, CohortDto>
{
    public async Task<CohortDto> Handle(GetCohort request, CancellationToken cancellationToken) =>
        CohortDto.From(await db.SeasonAsync(request.SeasonId, tracking: false, cancellationToken));
}
