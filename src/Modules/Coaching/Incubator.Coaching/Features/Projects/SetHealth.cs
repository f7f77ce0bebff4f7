using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record SetHealth(Guid ProjectId, HealthInput Input) : IRequest<ProjectDto>;

/// <summary>The pair's view of how the project is doing.</summary>
internal sealed class SetHealthHandler(CoachingDbContext db, CoachingAccess access) : IRequestHandler<SetHealth, ProjectDto>
{
    public async Task<ProjectDto> Handle(SetHealth request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Health>(request.Input.Health, ignoreCase: true, out var health) || !Enum.IsDefined(health))
        {
            throw new DomainException(L("État attendu : OnTrack, NeedsAttention ou AtRisk.", "Expected: OnTrack, NeedsAttention or AtRisk."), "health");
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        project.SetHealth(health, request.Input.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return CoachingMapping.ToDto(project, pair);
    }
}
