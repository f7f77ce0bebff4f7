using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Cohort;

internal sealed record ApproveCohort(Guid SeasonId) : IRequest<CohortDto>;

internal sealed class ApproveCohortHandler(SeasonsDbContext db, TimeProvider time, ICurrentUser user) : IRequestHandler<ApproveCohort, CohortDto>
{
    public async Task<CohortDto> Handle(ApproveCohort request, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ConsistencyFence.Season, request.SeasonId, cancellationToken);
        var season = await db.SeasonAsync(request.SeasonId, tracking: true, cancellationToken);
        var ids = season.CohortMembers.Select(m => m.ApplicationId).ToList();
        var eligible = await db.EligibleApplications.AsNoTracking().Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        season.ApproveCohort(eligible, user.RequiredId(), time.GetUtcNow());
        db.Audit(user, time, "cohort.approved", season.Id, season.Name, $"{season.CohortMembers.Count} projets / projects");
        await db.SaveChangesAsync(cancellationToken);
        return CohortDto.From(season);
    }
}
