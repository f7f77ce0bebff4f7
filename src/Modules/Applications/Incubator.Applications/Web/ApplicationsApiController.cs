using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

public sealed record DecisionInput(string? Decision, string? Reason);

/// <summary>Applications (API.md, Applications): drafts, submission, withdrawal, decisions.</summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class ApplicationsApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("seasons/{seasonId:guid}/applications")]
    [Authorize(Policies.Applicant)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<ApplicationDto>> Create(Guid seasonId, ApplicationInput body, CancellationToken ct)
    {
        var application = await mediator.Send(new CreateDraft(seasonId, body), ct);
        return CreatedAtAction(nameof(Get), new { id = application.Id }, application);
    }

    [HttpPut("applications/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Update(Guid id, ApplicationInput body, CancellationToken ct) => mediator.Send(new UpdateDraft(id, body), ct);

    /// <summary>400 names each missing answer; 409 once the call is closed (to the second) or when already submitted.</summary>
    [HttpPost("applications/{id:guid}/submit")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Submit(Guid id, CancellationToken ct) => mediator.Send(new SubmitApplication(id), ct);

    [HttpPost("applications/{id:guid}/withdraw")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Withdraw(Guid id, CancellationToken ct) => mediator.Send(new WithdrawApplication(id), ct);

    [HttpGet("applications/{id:guid}")]
    public Task<ApplicationDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetApplication(id), ct);

    [HttpGet("applications/mine")]
    public Task<IReadOnlyList<ApplicationSummaryDto>> Mine(CancellationToken ct) => mediator.Send(new ListMyApplications(), ct);

    [HttpPost("applications/{id:guid}/decision")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Decide(Guid id, DecisionInput body, CancellationToken ct) =>
        mediator.Send(new DecideApplication(id, body.Decision, body.Reason), ct);
}
