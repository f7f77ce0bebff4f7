using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Features;

/// <summary>The approved cohort starts individual coaching: its projects join and are spread over the pairs.</summary>
internal sealed class WhenCohortApproved(CoachingDbContext db, TimeProvider time)
    : InboxHandler<CohortApproved, CoachingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken)
    {
        await Db.FenceAsync(ConsistencyFence.Season, approved.SeasonId, cancellationToken); // against pairs formed or changed (ADR 0020)
        var ids = approved.Projects.Select(p => p.ProjectId).ToList();
        var known = await Db.Projects.Where(p => ids.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in approved.Projects.Where(p => !known.Contains(p.ProjectId)))
        {
            Db.Projects.Add(CoachedProject.Join(project.ProjectId, approved.SeasonId, project.ProjectName, project.DepartmentCode, project.ApplicantUserId, Time.GetUtcNow()));
        }

        var pairs = await Db.Pairs.Where(p => p.SeasonId == approved.SeasonId).ToListAsync(cancellationToken);
        await AssignWaitingProjects.RunAsync(Db, approved.SeasonId, pairs, cancellationToken);
    }
}
