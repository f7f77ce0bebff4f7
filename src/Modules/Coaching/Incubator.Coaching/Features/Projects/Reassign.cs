using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record Reassign(Guid ProjectId, AssignmentInput Input) : IRequest<ProjectDto>;

/// <summary>A project moved to another pair or lead coach by a program lead, within the pairs' limits.</summary>
internal sealed class ReassignHandler(CoachingDbContext db, CoachingAccess access, ICurrentUser user, TimeProvider time) : IRequestHandler<Reassign, ProjectDto>
{
    public async Task<ProjectDto> Handle(Reassign request, CancellationToken cancellationToken)
    {
        var (project, _) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        await db.FenceAsync(ConsistencyFence.Season, project.SeasonId, cancellationToken); // the pair's load is read below (ADR 0020)
        var pair = await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Input.PairId && p.SeasonId == project.SeasonId, cancellationToken)
            ?? throw new DomainException(L("Binôme inconnu pour cette saison.", "No such pair in this season."), "pairId");
        var lead = request.Input.LeadCoachUserId ?? Guid.Empty;
        if (!pair.Has(lead))
        {
            throw new DomainException(L("Le référent doit être un des deux accompagnateurs du binôme.", "The lead coach must be one of the pair's coaches."), "leadCoachUserId");
        }

        var others = await db.Projects.AsNoTracking().Where(p => p.PairId == pair.Id && p.ProjectId != project.ProjectId).ToListAsync(cancellationToken);
        if (others.Count >= Assignment.ProjectsPerPair)
        {
            throw new ConflictException(L("Ce binôme suit déjà six projets.", "This pair already follows six projects."));
        }

        if (others.Count(p => p.LeadCoachUserId == lead) >= Assignment.ProjectsPerCoach)
        {
            throw new ConflictException(L("Cet accompagnateur est déjà référent de trois projets.", "This coach already leads three projects."));
        }

        var from = project.PairId;
        project.AssignTo(pair.Id, lead);
        db.Audit(user, time, "coaching.reassigned", project.ProjectId, project.ProjectName, $"{from?.ToString() ?? "-"} → {pair.Id} ({lead})");
        await db.SaveChangesAsync(cancellationToken);
        return CoachingMapping.ToDto(project, pair);
    }
}
