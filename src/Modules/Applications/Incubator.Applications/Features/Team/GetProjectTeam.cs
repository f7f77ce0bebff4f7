using MediatR;

namespace Incubator.Applications.Features;

internal sealed record GetProjectTeam(Guid ProjectId) : IRequest<ProjectTeamDto>;

internal sealed class GetProjectTeamHandler(TeamAccess access) : IRequestHandler<GetProjectTeam, ProjectTeamDto>
{
    public Task<ProjectTeamDto> Handle(GetProjectTeam request, CancellationToken cancellationToken) => access.ReadAsync(request.ProjectId, cancellationToken);
}
