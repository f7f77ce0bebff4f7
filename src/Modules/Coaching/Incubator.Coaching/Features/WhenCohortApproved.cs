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
    protected override Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken) =>
        CohortArrival.JoinAsync(Db, approved.SeasonId, approved.Projects, Time.GetUtcNow(), cancellationToken);
}

/// <summary>What the cohort's approval does here, for its handler and for the consistency check's repair.</summary>
internal static class CohortArrival
{
    /// <summary>The projects join the season's coaching and wait for, or get, a pair; doing it again changes nothing.</summary>
    public static async Task JoinAsync(CoachingDbContext db, Guid seasonId, IReadOnlyList<CohortProject> projects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ConsistencyFence.Season, seasonId, cancellationToken); // against pairs formed or changed (ADR 0020)
        var ids = projects.Select(p => p.ProjectId).ToList();
        var known = await db.Projects.Where(p => ids.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in projects.Where(p => !known.Contains(p.ProjectId)))
        {
            db.Projects.Add(CoachedProject.Join(project.ProjectId, seasonId, project.ProjectName, project.DepartmentCode, project.ApplicantUserId, now));
        }

        var pairs = await db.Pairs.Where(p => p.SeasonId == seasonId).ToListAsync(cancellationToken);
        await AssignWaitingProjects.RunAsync(db, seasonId, pairs, cancellationToken);
    }
}
