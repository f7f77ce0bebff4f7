using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record SetMilestone(Guid ProjectId, string Key, MilestoneInput Input) : IRequest<ProjectDto>;

/// <summary>A milestone's status.</summary>
internal sealed class SetMilestoneHandler(CoachingDbContext db, CoachingAccess access, TimeProvider time) : IRequestHandler<SetMilestone, ProjectDto>
{
    public async Task<ProjectDto> Handle(SetMilestone request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<MilestoneStatus>(request.Input.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
        {
            throw new DomainException(L("État attendu : NotStarted, InProgress ou Done.", "Expected status: NotStarted, InProgress or Done."), "status");
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        project.SetMilestone(request.Key, status, ParisTime.Today(time), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CoachingMapping.ToDto(project, pair);
    }
}
