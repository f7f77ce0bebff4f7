using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Trainings.Features;

/// <summary>The approved cohort joins the season: its projects are enrolled in every session, planned already or later.</summary>
internal sealed class WhenCohortApproved(TrainingsDbContext db, TimeProvider time)
    : InboxHandler<CohortApproved, TrainingsDbContext>(db, time)
{
    protected override Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken) =>
        CohortArrival.JoinAsync(Db, approved.SeasonId, approved.Projects, Time.GetUtcNow(), cancellationToken);
}

/// <summary>What the cohort's approval does here, for its handler and for the consistency check's repair.</summary>
internal static class CohortArrival
{
    /// <summary>Records the projects as the season's cohort and enrols them in its sessions; doing it again changes nothing.</summary>
    public static async Task JoinAsync(TrainingsDbContext db, Guid seasonId, IReadOnlyList<CohortProject> projects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ConsistencyFence.Season, seasonId, cancellationToken); // against planning (ADR 0020)
        var ids = projects.Select(p => p.ProjectId).ToList();
        var known = await db.CohortMembers.Where(m => ids.Contains(m.ProjectId)).Select(m => m.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in projects.Where(p => !known.Contains(p.ProjectId)))
        {
            db.CohortMembers.Add(new CohortMember(project.ProjectId, seasonId, project.ProjectName, project.DepartmentCode, project.ApplicantUserId, now));
        }

        var sessions = await db.Sessions.AsSplitQuery().Where(s => s.SeasonId == seasonId).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            foreach (var project in projects)
            {
                session.Enrol(project.ProjectId, project.ProjectName, project.ApplicantUserId, now);
            }
        }
    }
}
