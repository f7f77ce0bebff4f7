using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Meetings.Features;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Web;

/// <summary>
/// The public page of a season's information meetings (no account needed to register), the page a cancellation link
/// opens, and the lead's list of who registered and who came.
/// </summary>
[Area("Meetings")]
[Route("meetings")]
[Authorize]
public sealed class MeetingsController(IMediator mediator, ISeasonDirectory seasons, TimeProvider time) : PageController(mediator)
{
    [HttpGet("seasons/{seasonId:guid}")]
    [AllowAnonymous]
    public Task<IActionResult> Season(Guid seasonId) => SeasonView(seasonId, new RegistrationForm(), null, new MeetingForm());

    [HttpPost("seasons/{seasonId:guid}")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Plan(Guid seasonId, [Bind(Prefix = "Plan")] MeetingForm plan)
    {
        var (ok, _) = await TrySendAsync(new PlanMeeting(seasonId, plan.ToInput()), MeetingForm.Key);
        if (!ok)
        {
            return await SeasonView(seasonId, new RegistrationForm(), null, plan);
        }

        Flash(L("La réunion d'information est planifiée et publiée.", "The information meeting is planned and published."));
        return Redirect($"/meetings/seasons/{seasonId}");
    }

    [HttpPost("{id:guid}/register")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignUp)]
    public async Task<IActionResult> Register(Guid id, [Bind(Prefix = "Registration")] RegistrationForm registration)
    {
        var meeting = await Mediator.Send(new GetMeeting(id), HttpContext.RequestAborted);
        var (ok, result) = await TrySendAsync(new Register(id, new RegistrationInput(registration.Name, registration.Email, registration.Town)),
            f => "Registration." + FormMessages.FormKey(f));
        if (!ok)
        {
            return await SeasonView(meeting.SeasonId, registration, id, new MeetingForm());
        }

        Flash(result.Registration.Status == "Registered"
            ? L("Votre place est réservée : un courriel de confirmation part avec l'invitation et le lien pour annuler.", "Your seat is booked: a confirmation e-mail is on its way with the invitation and the link to cancel.")
            : L("La réunion est complète : vous êtes sur la liste d'attente, et prévenu·e par courriel si une place se libère.", "The meeting is full: you are on the waiting list, and told by e-mail if a seat is freed."));
        return Redirect($"/meetings/seasons/{meeting.SeasonId}");
    }

    /// <summary>Shows the registration and a button: a link opened by a mail filter cancels nothing.</summary>
    [HttpGet("cancel/{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> Cancel(string token)
    {
        var found = await Mediator.Send(new FindRegistration(token), HttpContext.RequestAborted);
        return View("Cancel", new CancelPage(token, found, Done: found.Status == "Cancelled"));
    }

    [HttpPost("cancel/{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmCancel(string token)
    {
        var cancelled = await Mediator.Send(new CancelRegistration(token), HttpContext.RequestAborted);
        return View("Cancel", new CancelPage(token, cancelled, Done: true));
    }

    [HttpGet("{id:guid}/registrations")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Registrations(Guid id)
    {
        var meeting = await Mediator.Send(new GetMeeting(id), HttpContext.RequestAborted);
        var registrants = await Mediator.Send(new ListRegistrations(id), HttpContext.RequestAborted);
        Breadcrumbs((L("Réunions d'information", "Information meetings"), $"/meetings/seasons/{meeting.SeasonId}"), (meeting.Title, null));
        return View("Registrations", new RegistrationsPage(meeting, registrants, time.GetUtcNow() >= meeting.StartsAt));
    }

    [HttpPost("{id:guid}/attendance")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Attendance(Guid id, List<Guid> came)
    {
        var (ok, _) = await TrySendAsync(new RecordMeetingAttendance(id, new MeetingAttendanceInput(came)));
        if (ok)
        {
            Flash(L("Les présences sont enregistrées.", "Who came is saved."));
            return Redirect($"/meetings/{id}/registrations");
        }

        var meeting = await Mediator.Send(new GetMeeting(id), HttpContext.RequestAborted);
        var registrants = await Mediator.Send(new ListRegistrations(id), HttpContext.RequestAborted);
        return View("Registrations", new RegistrationsPage(meeting, registrants, time.GetUtcNow() >= meeting.StartsAt));
    }

    private async Task<IActionResult> SeasonView(Guid seasonId, RegistrationForm registration, Guid? failedMeetingId, MeetingForm plan)
    {
        var season = await seasons.FindAsync(seasonId, HttpContext.RequestAborted);
        if (season is null)
        {
            return NotFound();
        }

        var isLead = User.IsInRole(Roles.ProgramLead);
        var meetings = await Mediator.Send(new ListMeetings(seasonId, IncludePast: isLead), HttpContext.RequestAborted);
        plan.Date ??= Incubator.BuildingBlocks.Application.ParisTime.Today(time).AddDays(14);
        Breadcrumbs((L("Appels à candidatures", "Calls for applications"), "/seasons"), (season.Name, $"/seasons/{seasonId}"), (L("Réunions d'information", "Information meetings"), null));
        return View("Season", new SeasonMeetingsPage(seasonId, season.Name, meetings, isLead, registration, failedMeetingId, plan));
    }
}
