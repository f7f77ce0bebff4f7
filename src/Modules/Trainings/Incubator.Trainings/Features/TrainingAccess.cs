using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

/// <summary>
/// Leads and coaches read every session; an applicant reads the sessions of the seasons where a project they hold, or
/// joined as a team member, is in the cohort. Anyone else is told the season or session does not exist.
/// </summary>
internal sealed class TrainingAccess(TrainingsDbContext db, ICurrentUser user, IProjectTeam team)
{
    public bool IsStaff => user.IsInRole(Roles.ProgramLead) || user.IsInRole(Roles.Coach);

    public async Task EnsureSeasonVisibleAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        if (IsStaff)
        {
            return;
        }

        var me = user.RequiredId();
        var joined = await team.ProjectsJoinedByAsync(me, cancellationToken);
        if (!await db.CohortMembers.AnyAsync(m => m.SeasonId == seasonId && (m.ApplicantUserId == me || joined.Contains(m.ProjectId)), cancellationToken))
        {
            throw new NotFoundException(L("Saison introuvable.", "Season not found."));
        }
    }
}
