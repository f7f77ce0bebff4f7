using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

/// <summary>
/// Jury interviews of a season's selection (issue 25): slots and jury (leads), invitations (leads), the applicant's answer,
/// the jury's declaration, notes and recommendation. Anyone else gets 404.
/// </summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class InterviewsApiController(IMediator mediator) : ControllerBase
{
    /// <summary>The season's slots in time order, each with the project it holds (leads and the season's jury).</summary>
    [HttpGet("seasons/{seasonId:guid}/interview-slots")]
    public Task<IReadOnlyList<InterviewSlotDto>> Slots(Guid seasonId, CancellationToken ct) => mediator.Send(new ListInterviewSlots(seasonId), ct);

    [HttpPost("seasons/{seasonId:guid}/interview-slots")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<InterviewSlotDto>> OpenSlot(Guid seasonId, InterviewSlotInput body, CancellationToken ct)
    {
        var slot = await mediator.Send(new OpenInterviewSlot(seasonId, body), ct);
        return Created($"/api/seasons/{seasonId}/interview-slots", slot);
    }

    /// <summary>409 while an application holds the slot.</summary>
    [HttpDelete("interview-slots/{slotId:guid}")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public async Task<IActionResult> RemoveSlot(Guid slotId, CancellationToken ct)
    {
        await mediator.Send(new RemoveInterviewSlot(slotId), ct);
        return NoContent();
    }

    [HttpGet("seasons/{seasonId:guid}/interview-jury")]
    public Task<IReadOnlyList<JuryMemberDto>> Jury(Guid seasonId, CancellationToken ct) => mediator.Send(new GetJury(seasonId), ct);

    /// <summary>Replaces the jury: people with an account (<c>userId</c>) and people named without one.</summary>
    [HttpPut("seasons/{seasonId:guid}/interview-jury")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<JuryMemberDto>> SaveJury(Guid seasonId, JuryInput body, CancellationToken ct) => mediator.Send(new SaveJury(seasonId, body), ct);

    /// <summary>Invites a shortlisted application to a slot (<c>slotId</c>), or to choose a free slot (no <c>slotId</c>); 409 if the slot is taken.</summary>
    [HttpPost("applications/{id:guid}/interview")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Invite(Guid id, InterviewInvitationInput body, CancellationToken ct) => mediator.Send(new InviteToInterview(id, body), ct);

    [HttpGet("applications/{id:guid}/interview")]
    public Task<InterviewDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetInterview(id), ct);

    [HttpPost("applications/{id:guid}/interview/confirm")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Confirm(Guid id, CancellationToken ct) => mediator.Send(new ConfirmInterview(id), ct);

    /// <summary>The applicant takes a free slot; 409 when someone took it first.</summary>
    [HttpPost("applications/{id:guid}/interview/choose")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Choose(Guid id, ChooseSlotInput body, CancellationToken ct) => mediator.Send(new ChooseInterviewSlot(id, body), ct);

    /// <summary>The applicant gives their slot back, with a word for the lead, and may then choose another one.</summary>
    [HttpPost("applications/{id:guid}/interview/reschedule")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Reschedule(Guid id, AnotherSlotInput body, CancellationToken ct) => mediator.Send(new AskForAnotherSlot(id, body), ct);

    /// <summary>A jury member declares whether they have a conflict of interest, before reading the application.</summary>
    [HttpPost("applications/{id:guid}/interview/declaration")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Declare(Guid id, ConflictDeclarationInput body, CancellationToken ct) =>
        mediator.Send(new DeclareInterviewConflict(id, body.ConflictOfInterest ?? throw new DomainException(
            Texts.L("Répondez oui ou non.", "Answer yes or no."), "conflictOfInterest")), ct);

    /// <summary>A jury member's notes and recommendation (Select, Waitlist or Reject).</summary>
    [HttpPut("applications/{id:guid}/interview/notes")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<InterviewDto> Notes(Guid id, InterviewNoteInput body, CancellationToken ct) => mediator.Send(new WriteInterviewNotes(id, body), ct);
}
