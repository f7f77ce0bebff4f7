using Incubator.Applications.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

/// <summary>
/// A project's team (issue 25): its holder invites the people of the team to take part with their own account, and removes
/// them; each joins from the mail's link. The holder, the members who joined and leads read the team; anyone else gets 404.
/// </summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class TeamApiController(IMediator mediator) : ControllerBase
{
    [HttpGet("applications/{id:guid}/members")]
    public Task<ProjectTeamDto> Team(Guid id, CancellationToken ct) => mediator.Send(new GetProjectTeam(id), ct);

    /// <summary>Invites by e-mail (again: a new link); 409 before the project is in an approved cohort.</summary>
    [HttpPost("applications/{id:guid}/members")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ProjectTeamDto> Invite(Guid id, MemberInput body, CancellationToken ct) => mediator.Send(new InviteProjectMember(id, body), ct);

    [HttpDelete("applications/{id:guid}/members/{memberId:guid}")]
    public Task<ProjectTeamDto> Remove(Guid id, Guid memberId, CancellationToken ct) => mediator.Send(new RemoveProjectMember(id, memberId), ct);

    /// <summary>The person signed in joins the project of the invitation (the token of the mail's link).</summary>
    [HttpPost("projects/join/{token}")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<JoinedProjectDto> Join(string token, CancellationToken ct) => mediator.Send(new JoinProject(token), ct);
}
