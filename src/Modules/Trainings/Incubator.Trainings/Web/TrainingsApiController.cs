using System.Text;
using Incubator.BuildingBlocks.Identity;
using Incubator.Trainings.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Trainings.Web;

/// <summary>Collective training sessions, venues, trainers, attendance and calendar feeds (API.md, Trainings).</summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class TrainingsApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("seasons/{seasonId:guid}/trainings")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TrainingDto>> Plan(Guid seasonId, TrainingInput body, CancellationToken ct)
    {
        var training = await mediator.Send(new PlanTraining(seasonId, body), ct);
        return Created($"/api/trainings/{training.Id}", training);
    }

    /// <summary>One session a month from the first date (same weekday rank and hour), skipping August unless <c>skipMonths</c> says otherwise.</summary>
    [HttpPost("seasons/{seasonId:guid}/trainings/series")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<SeriesDto>> PlanSeries(Guid seasonId, SeriesInput body, CancellationToken ct)
    {
        var series = await mediator.Send(new PlanSeries(seasonId, body), ct);
        return Created($"/api/seasons/{seasonId}/trainings", series);
    }

    /// <summary>For leads and coaches, and for applicants with a project in the season's cohort.</summary>
    [HttpGet("seasons/{seasonId:guid}/trainings")]
    public Task<IReadOnlyList<TrainingSummaryDto>> List(Guid seasonId, CancellationToken ct) => mediator.Send(new ListTrainings(seasonId), ct);

    /// <summary>The season's sessions as an iCalendar file.</summary>
    [HttpGet("seasons/{seasonId:guid}/trainings.ics")]
    [Produces("text/calendar")]
    public async Task<IActionResult> SeasonCalendar(Guid seasonId, CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await mediator.Send(new SeasonCalendar(seasonId), ct)), TrainingCalendar.ContentType, "formations.ics");

    /// <summary>Attendance per project over every session of the season.</summary>
    [HttpGet("seasons/{seasonId:guid}/trainings/attendance")]
    [Authorize(Policies.Coach)]
    public Task<IReadOnlyList<ProjectAttendanceDto>> SeasonAttendance(Guid seasonId, CancellationToken ct) => mediator.Send(new SeasonAttendance(seasonId), ct);

    [HttpGet("trainings/{id:guid}")]
    [Authorize(Policies.Coach)]
    public Task<TrainingDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetTraining(id), ct);

    /// <summary>Replaces the attendance sheet; hours default to the whole session for present and remote participants.</summary>
    [HttpPut("trainings/{id:guid}/attendance")]
    [Authorize(Policies.ProgramLead)]
    public Task<TrainingDto> Attendance(Guid id, IReadOnlyList<AttendanceInput>? body, CancellationToken ct) => mediator.Send(new RecordAttendance(id, body), ct);

    /// <summary>
    /// Moves a session (day, hours, venue, trainer, mode; what is left out stays) for a reason told to each participant by
    /// mail with the updated invitation; reminders follow the new date. 409 once its attendance sheet is recorded or it is cancelled.
    /// </summary>
    [HttpPost("trainings/{id:guid}/move")]
    [Authorize(Policies.ProgramLead)]
    public Task<TrainingDto> Move(Guid id, MoveInput body, CancellationToken ct) => mediator.Send(new MoveTraining(id, body), ct);

    /// <summary>Cancels a session for a reason told to each participant; calendars show it cancelled. 409 once its attendance sheet is recorded.</summary>
    [HttpPost("trainings/{id:guid}/cancel")]
    [Authorize(Policies.ProgramLead)]
    public Task<TrainingDto> Cancel(Guid id, CancelInput body, CancellationToken ct) => mediator.Send(new CancelTraining(id, body), ct);

    /// <summary>The caller's sessions ("Mes formations"), through their projects in a cohort.</summary>
    [HttpGet("trainings/mine")]
    public Task<IReadOnlyList<MyTrainingDto>> Mine(CancellationToken ct) => mediator.Send(new MyTrainings(), ct);

    /// <summary>The caller's private calendar link (created on first call).</summary>
    [HttpGet("trainings/feed")]
    public async Task<FeedLink> Feed(CancellationToken ct) => Link(await mediator.Send(new MyFeed(Renew: false), ct));

    /// <summary>A new private link; the old one stops working at once.</summary>
    [HttpPost("trainings/feed/renew")]
    public async Task<FeedLink> RenewFeed(CancellationToken ct) => Link(await mediator.Send(new MyFeed(Renew: true), ct));

    [HttpGet("venues")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<VenueDto>> Venues(CancellationToken ct) => mediator.Send(new ListVenues(), ct);

    [HttpPost("venues")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<VenueDto>> AddVenue(VenueInput body, CancellationToken ct)
    {
        var venue = await mediator.Send(new AddVenue(body), ct);
        return Created("/api/venues", venue);
    }

    [HttpGet("trainers")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<TrainerDto>> Trainers(CancellationToken ct) => mediator.Send(new ListTrainers(), ct);

    [HttpPost("trainers")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TrainerDto>> AddTrainer(TrainerInput body, CancellationToken ct)
    {
        var trainer = await mediator.Send(new AddTrainer(body), ct);
        return Created("/api/trainers", trainer);
    }

    private FeedLink Link(FeedDto feed) => new($"{Request.Scheme}://{Request.Host}{CalendarFeedController.PathFor(feed.Token)}", feed.CreatedAt);
}

public sealed record FeedLink(string Url, DateTimeOffset CreatedAt);

/// <summary>The private feed a phone or Outlook subscribes to: no sign-in, the secret link is the key.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class CalendarFeedController(IMediator mediator) : Controller
{
    public static string PathFor(string token) => $"/calendar/{token}.ics";

    [HttpGet("/calendar/{token}.ics")]
    public async Task<IActionResult> Feed(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 64 || await mediator.Send(new PersonalCalendar(token), ct) is not { } calendar)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=300";
        return File(Encoding.UTF8.GetBytes(calendar), TrainingCalendar.ContentType);
    }
}
