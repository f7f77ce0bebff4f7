using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record GetProject(Guid ProjectId) : IRequest<ProjectDto>;

/// <summary>One project's coaching, for its pair and the leads, or for its applicant without the pair's private notes.</summary>
internal sealed class GetProjectHandler(CoachingDbContext db, CoachingAccess access) : IRequestHandler<GetProject, ProjectDto>
{
    public async Task<ProjectDto> Handle(GetProject request, CancellationToken cancellationToken)
    {
        if (await access.AsApplicantAsync(request.ProjectId, cancellationToken) is { } own)
        {
            // The holder reads decisions and next steps, and who their coaches are; the pair's private notes and its
            // reason for the project's health stay with the pair and the leads.
            var ownPair = own.PairId is { } pairId ? await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken) : null;
            var dto = CoachingMapping.ToDto(own, ownPair);
            return dto with { HealthReason = null, Sessions = dto.Sessions.Select(s => s with { Notes = null }).ToList() };
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: false, cancellationToken);
        return CoachingMapping.ToDto(project, pair);
    }
}
