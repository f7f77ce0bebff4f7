using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

/// <summary>Who sees a project: program leads, and the two coaches of its pair; anyone else gets "not found".</summary>
internal sealed class CoachingAccess(CoachingDbContext db, ICurrentUser user, IProjectTeam team)
{
    public bool IsLead => user.IsInRole(Roles.ProgramLead);

    public async Task<(CoachedProject Project, CoachingPair? Pair)> ProjectAsync(Guid projectId, bool tracking, CancellationToken cancellationToken)
    {
        var projects = tracking ? db.Projects : db.Projects.AsNoTracking();
        var project = await projects.FirstOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        var pair = project?.PairId is { } pairId ? await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken) : null;
        var mine = pair is not null && user.Id is { } me && pair.Has(me);
        return project is not null && (IsLead || mine)
            ? (project, pair)
            : throw new NotFoundException(L("Projet introuvable.", "Project not found."));
    }

    /// <summary>The project when the caller holds it or joined it as a team member (rather than being its coach or a lead).</summary>
    public async Task<CoachedProject?> AsApplicantAsync(Guid projectId, CancellationToken cancellationToken)
    {
        if (user.Id is not { } me || IsLead)
        {
            return null;
        }

        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        return project is not null && (project.ApplicantUserId == me || (await team.ProjectsJoinedByAsync(me, cancellationToken)).Contains(projectId))
            ? project
            : null;
    }
}
