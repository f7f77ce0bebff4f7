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
    protected override async Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken)
    {
        await Db.FenceAsync(ConsistencyFence.Season, approved.SeasonId, cancellationToken); // against planning (ADR 0020)
        var now = Time.GetUtcNow();
        var ids = approved.Projects.Select(p => p.ProjectId).ToList();
        var known = await Db.CohortMembers.Where(m => ids.Contains(m.ProjectId)).Select(m => m.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in approved.Projects.Where(p => !known.Contains(p.ProjectId)))
        {
            Db.CohortMembers.Add(new CohortMember(project.ProjectId, approved.SeasonId, project.ProjectName, project.DepartmentCode, project.ApplicantUserId, now));
        }

        var sessions = await Db.Sessions.AsSplitQuery().Where(s => s.SeasonId == approved.SeasonId).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            foreach (var project in approved.Projects)
            {
                session.Enrol(project.ProjectId, project.ProjectName, project.ApplicantUserId, now);
            }
        }
    }
}
