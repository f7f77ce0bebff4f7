using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Coaching.Web;

/// <summary>Coaching pairs, their projects, sessions, milestones and health (API.md, Coaching).</summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class CoachingApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("seasons/{seasonId:guid}/coaching-pairs")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public async Task<ActionResult<PairDto>> FormPair(Guid seasonId, PairInput body, CancellationToken ct)
    {
        var pair = await mediator.Send(new FormPair(seasonId, body), ct);
        return Created($"/api/seasons/{seasonId}/coaching-pairs", pair);
    }

    [HttpGet("seasons/{seasonId:guid}/coaching-pairs")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<PairDto>> Pairs(Guid seasonId, CancellationToken ct) => mediator.Send(new ListPairs(seasonId), ct);

    [HttpGet("coaching/projects/mine")]
    [Authorize(Policies.Coach)]
    public Task<IReadOnlyList<MyProjectDto>> Mine(CancellationToken ct) => mediator.Send(new MyProjects(), ct);

    /// <summary>For the pair and leads; the project's applicant reads it too, without the private notes.</summary>
    [HttpGet("coaching/projects/{projectId:guid}")]
    public Task<ProjectDto> Project(Guid projectId, CancellationToken ct) => mediator.Send(new GetProject(projectId), ct);

    /// <summary>Sessions cannot be dated in the future; they last from 5 minutes to 8 hours.</summary>
    [HttpPost("coaching/projects/{projectId:guid}/sessions")]
    [Authorize(Policies.Coach)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<SessionDto>> LogSession(Guid projectId, SessionInput body, CancellationToken ct)
    {
        var session = await mediator.Send(new LogSession(projectId, body), ct);
        return Created($"/api/coaching/projects/{projectId}", session);
    }

    [HttpPut("coaching/projects/{projectId:guid}/milestones/{key}")]
    [Authorize(Policies.Coach)]
    public Task<ProjectDto> Milestone(Guid projectId, string key, MilestoneInput body, CancellationToken ct) =>
        mediator.Send(new SetMilestone(projectId, key, body), ct);

    [HttpPut("coaching/projects/{projectId:guid}/health")]
    [Authorize(Policies.Coach)]
    public Task<ProjectDto> Health(Guid projectId, HealthInput body, CancellationToken ct) => mediator.Send(new SetHealth(projectId, body), ct);

    /// <summary>A program lead moves a project to another pair or changes its lead coach.</summary>
    [HttpPut("coaching/projects/{projectId:guid}/assignment")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ProjectDto> Reassign(Guid projectId, AssignmentInput body, CancellationToken ct) => mediator.Send(new Reassign(projectId, body), ct);
}
