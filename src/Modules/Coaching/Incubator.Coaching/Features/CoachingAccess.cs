using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

/// <summary>Who sees a project: program leads, and the two coaches of its pair; anyone else gets "not found".</summary>
internal sealed class CoachingAccess(CoachingDbContext db, ICurrentUser user)
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

    /// <summary>True when the caller is the project's applicant rather than its coaches or a lead.</summary>
    public async Task<CoachedProject?> AsApplicantAsync(Guid projectId, CancellationToken cancellationToken) =>
        user.Id is { } me && !IsLead
            ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId && p.ApplicantUserId == me, cancellationToken)
            : null;
}
