using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record ListVenues : IRequest<IReadOnlyList<VenueDto>>;

/// <summary>The list of venues, by town then name.</summary>
internal sealed class ListVenuesHandler(TrainingsDbContext db) : IRequestHandler<ListVenues, IReadOnlyList<VenueDto>>
{
    public async Task<IReadOnlyList<VenueDto>> Handle(ListVenues request, CancellationToken cancellationToken) =>
        (await db.Venues.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(v => v.Town, StringComparer.CurrentCulture).ThenBy(v => v.Name, StringComparer.CurrentCulture)
            .Select(TrainingMapping.ToDto).ToList();
}
