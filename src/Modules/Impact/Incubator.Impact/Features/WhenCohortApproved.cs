using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

/// <summary>The approved cohort's projects start their follow-up: the entry questionnaire opens at the job's next run.</summary>
internal sealed class WhenCohortApproved(ImpactDbContext db, TimeProvider time) : InboxHandler<CohortApproved, ImpactDbContext>(db, time)
{
    protected override Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken) =>
        CohortArrival.JoinAsync(Db, approved.SeasonId, approved.Projects, approved.OccurredAt, cancellationToken);
}

/// <summary>What the cohort's approval does here, for its handler and for the consistency check's repair.</summary>
internal static class CohortArrival
{
    /// <summary>The projects join the follow-up; doing it again changes nothing.</summary>
    public static async Task JoinAsync(ImpactDbContext db, Guid seasonId, IReadOnlyList<CohortProject> projects, DateTimeOffset approvedAt, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ConsistencyFence.Season, seasonId, cancellationToken); // against the consistency check's repair (ADR 0020)
        var ids = projects.Select(p => p.ProjectId).ToList();
        var known = await db.Projects.Where(p => ids.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in projects.Where(p => !known.Contains(p.ProjectId)))
        {
            db.Projects.Add(ImpactProject.Join(project.ProjectId, seasonId, project.ProjectName, project.DepartmentCode, project.ApplicantUserId, approvedAt));
        }
    }
}
