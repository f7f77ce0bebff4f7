using System.Text;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Meetings.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Incubator.Meetings.Web;

/// <summary>
/// Information meetings of a season's call (issue 25): planned by a lead, read and joined by anyone without an account,
/// cancelled through the link of the confirmation mail; the lead reads the registrations, ticks who came and exports them.
/// </summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class MeetingsApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("seasons/{seasonId:guid}/information-meetings")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<MeetingDto>> Plan(Guid seasonId, MeetingInput body, CancellationToken ct)
    {
        var meeting = await mediator.Send(new PlanMeeting(seasonId, body), ct);
        return Created($"/api/information-meetings/{meeting.Id}", meeting);
    }

    /// <summary>The season's coming meetings (with <c>past=true</c>, those held too), for anyone.</summary>
    [HttpGet("seasons/{seasonId:guid}/information-meetings")]
    [AllowAnonymous]
    public Task<IReadOnlyList<MeetingDto>> List(Guid seasonId, [FromQuery] bool past = false, CancellationToken ct = default) =>
        mediator.Send(new ListMeetings(seasonId, past), ct);

    [HttpGet("information-meetings/{id:guid}")]
    [AllowAnonymous]
    public Task<MeetingDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetMeeting(id), ct);

    /// <summary>
    /// A registration with a name, an e-mail and a town, no account needed: 201 with <c>Registered</c> (a seat) or
    /// <c>Waitlisted</c>; the same e-mail again answers 200 with the registration as it stands, and no second mail.
    /// </summary>
    [HttpPost("information-meetings/{id:guid}/registrations")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignUp)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public async Task<ActionResult<RegistrationDto>> Register(Guid id, RegistrationInput body, CancellationToken ct)
    {
        var (registration, isNew) = await mediator.Send(new Register(id, body), ct);
        return isNew ? Created($"/api/information-meetings/{id}", registration) : Ok(registration);
    }

    /// <summary>The registration the secret of a cancellation link names (what the page shows before the person confirms).</summary>
    [HttpGet("information-meetings/registrations/{token}")]
    [AllowAnonymous]
    public Task<CancellationDto> Find(string token, CancellationToken ct) => mediator.Send(new FindRegistration(token), ct);

    /// <summary>Cancels the registration the secret names; its seat goes to the first on the waiting list. Again: no change.</summary>
    [HttpPost("information-meetings/registrations/{token}/cancel")]
    [AllowAnonymous]
    public Task<CancellationDto> Cancel(string token, CancellationToken ct) => mediator.Send(new CancelRegistration(token), ct);

    [HttpGet("information-meetings/{id:guid}/registrations")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<RegistrantDto>> Registrations(Guid id, CancellationToken ct) => mediator.Send(new ListRegistrations(id), ct);

    [HttpGet("information-meetings/{id:guid}/registrations.csv")]
    [Authorize(Policies.ProgramLead)]
    [Produces("text/csv")]
    public async Task<IActionResult> RegistrationsCsv(Guid id, CancellationToken ct)
    {
        var csv = await mediator.Send(new RegistrationsCsv(id), ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"inscrits-{id:N}.csv");
    }

    /// <summary>Who came (the registrations ticked), once the meeting has started; published for the funders' report.</summary>
    [HttpPut("information-meetings/{id:guid}/attendance")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<RegistrantDto>> Attendance(Guid id, MeetingAttendanceInput body, CancellationToken ct) =>
        mediator.Send(new RecordMeetingAttendance(id, body), ct);
}
