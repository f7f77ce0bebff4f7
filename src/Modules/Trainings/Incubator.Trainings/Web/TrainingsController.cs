using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Web;

/// <summary>The season's training calendar, a session's attendance sheet, "Mes formations" and the venues and trainers lists.</summary>
[Area("Trainings")]
[Route("trainings")]
[Authorize]
public sealed class TrainingsController(IMediator mediator, ISeasonDirectory seasons, IUserDirectory users, TimeProvider time, Incubator.Applications.Contracts.IProjectTeam team) : PageController(mediator)
{
    [HttpGet("seasons/{seasonId:guid}")]
    [Authorize(Policies.Coach)]
    public Task<IActionResult> Calendar(Guid seasonId) => CalendarView(seasonId, new SessionForm(), seriesFailed: false);

    [HttpPost("seasons/{seasonId:guid}")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Plan(Guid seasonId, SessionForm form)
    {
        var (ok, training) = await TrySendAsync(new PlanTraining(seasonId, form.ToInput()), SessionForm.Key);
        if (!ok)
        {
            return await CalendarView(seasonId, form, seriesFailed: false);
        }

        Flash(L($"La session est planifiée ; {training!.Enrolments.Count} projet(s) inscrit(s).", $"The session is planned; {training!.Enrolments.Count} project(s) enrolled."));
        return Redirect($"/trainings/{training.Id}");
    }

    [HttpPost("seasons/{seasonId:guid}/series")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> PlanSeries(Guid seasonId, SessionForm form)
    {
        var (ok, series) = await TrySendAsync(new PlanSeries(seasonId, form.ToSeries()), SessionForm.Key);
        if (!ok)
        {
            return await CalendarView(seasonId, form, seriesFailed: true);
        }

        Flash(L($"{series!.Ids.Count} sessions mensuelles sont planifiées.", $"{series!.Ids.Count} monthly sessions are planned."));
        return Redirect($"/trainings/seasons/{seasonId}");
    }

    [HttpGet("{id:guid}")]
    [Authorize(Policies.Coach)]
    public async Task<IActionResult> Session(Guid id) => await SessionView(id, null, null, null);

    [HttpPost("{id:guid}/attendance")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Attendance(Guid id, List<SheetRow> rows)
    {
        // Blank extra rows (no name typed) are ignored; everything else is checked by the module.
        var lines = rows.Where(r => !string.IsNullOrWhiteSpace(r.ParticipantName))
            .Select(r => new AttendanceInput(r.ProjectId, r.ParticipantName, r.Status, r.Hours)).ToList();
        var (ok, _) = await TrySendAsync(new RecordAttendance(id, lines), field => "rows");
        if (!ok)
        {
            return await SessionView(id, rows, null, null);
        }

        Flash(L("La feuille de présence est enregistrée.", "The attendance sheet is saved."));
        return Redirect($"/trainings/{id}");
    }

    [HttpPost("{id:guid}/move")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Move(Guid id, [Bind(Prefix = MoveForm.Prefix)] MoveForm move)
    {
        var (ok, training) = await TrySendAsync(new MoveTraining(id, move.ToInput()), MoveForm.Key);
        if (!ok)
        {
            return await SessionView(id, null, move, null);
        }

        Flash(training!.Sequence <= move.Sequence
            ? L("Rien n'a changé : la session est telle quelle, personne n'est prévenu.", "Nothing changed: the session stays as it is, nobody is told.")
            : L($"La session est modifiée ; les {training.Enrolments.Count} projet(s) inscrit(s) sont prévenus par courriel.", $"The session is changed; the {training.Enrolments.Count} enrolled project(s) are told by e-mail."));
        return Redirect($"/trainings/{id}");
    }

    [HttpPost("{id:guid}/cancel")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Cancel(Guid id, [Bind(Prefix = CancelForm.Prefix)] CancelForm cancel)
    {
        var (ok, training) = await TrySendAsync(new CancelTraining(id, new CancelInput(cancel.Reason)), f => CancelForm.Prefix + "." + FormMessages.FormKey(f));
        if (!ok)
        {
            return await SessionView(id, null, null, cancel);
        }

        Flash(L($"La session est annulée ; les {training!.Enrolments.Count} projet(s) inscrit(s) sont prévenus par courriel.", $"The session is cancelled; the {training!.Enrolments.Count} enrolled project(s) are told by e-mail."));
        return Redirect($"/trainings/{id}");
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine()
    {
        var sessions = await Mediator.Send(new MyTrainings(), HttpContext.RequestAborted);
        var feed = await Mediator.Send(new MyFeed(Renew: false), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Mes formations", "My trainings"), null));
        return View(new MinePage(sessions, new FeedLink($"{Request.Scheme}://{Request.Host}{CalendarFeedController.PathFor(feed.Token)}", feed.CreatedAt), time.GetUtcNow()));
    }

    [HttpPost("feed/renew")]
    public async Task<IActionResult> RenewFeed()
    {
        await Mediator.Send(new MyFeed(Renew: true), HttpContext.RequestAborted);
        Flash(L("Votre lien d'agenda est renouvelé : l'ancien ne fonctionne plus, abonnez-vous au nouveau.", "Your calendar link is renewed: the old one no longer works, subscribe to the new one."));
        return Redirect("/trainings/mine");
    }

    [HttpGet("venues")]
    [Authorize(Policies.ProgramLead)]
    public Task<IActionResult> Lists() => ListsView(new VenueForm(), new TrainerForm());

    [HttpPost("venues")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> AddVenue([Bind(Prefix = "Venue")] VenueForm venue)
    {
        var (ok, _) = await TrySendAsync(new AddVenue(new VenueInput(venue.Name, venue.Address, venue.Town, venue.AccessibilityNotes)), f => "Venue." + FormMessages.FormKey(f));
        if (!ok)
        {
            return await ListsView(venue, new TrainerForm());
        }

        Flash(L("Le lieu est ajouté.", "The venue is added."));
        return Redirect("/trainings/venues");
    }

    [HttpPost("trainers")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> AddTrainer([Bind(Prefix = "Trainer")] TrainerForm trainer)
    {
        var (ok, _) = await TrySendAsync(new AddTrainer(new TrainerInput(trainer.Name, trainer.Organisation, trainer.FromTerritory)), f => "Trainer." + FormMessages.FormKey(f));
        if (!ok)
        {
            return await ListsView(new VenueForm(), trainer);
        }

        Flash(L("L'intervenant·e est ajouté·e.", "The trainer is added."));
        return Redirect("/trainings/venues");
    }

    private async Task<IActionResult> CalendarView(Guid seasonId, SessionForm form, bool seriesFailed)
    {
        var ct = HttpContext.RequestAborted;
        var season = await seasons.FindAsync(seasonId, ct);
        if (season is null)
        {
            return NotFound();
        }

        var isLead = User.IsInRole(Roles.ProgramLead);
        var sessions = await Mediator.Send(new ListTrainings(seasonId), ct);
        var attendance = await Mediator.Send(new SeasonAttendance(seasonId), ct);
        var venues = isLead ? await Mediator.Send(new ListVenues(), ct) : [];
        var trainers = isLead ? await Mediator.Send(new ListTrainers(), ct) : [];
        form.Date ??= season.StartsOn;
        Breadcrumbs((L("Saisons", "Seasons"), "/seasons"), (season.Name, $"/seasons/{seasonId}"), (L("Formations collectives", "Collective trainings"), null));
        return View("Calendar", new CalendarPage(seasonId, season.Name, sessions, attendance, venues, trainers, isLead, form, seriesFailed));
    }

    private async Task<IActionResult> SessionView(Guid id, List<SheetRow>? posted, MoveForm? move, CancelForm? cancel)
    {
        var ct = HttpContext.RequestAborted;
        var training = await Mediator.Send(new GetTraining(id), ct);
        var isLead = User.IsInRole(Roles.ProgramLead);
        var venues = isLead ? await Mediator.Send(new ListVenues(), ct) : [];
        var trainers = isLead ? await Mediator.Send(new ListTrainers(), ct) : [];
        var rows = posted ?? await SheetAsync(training);
        var season = await seasons.FindAsync(training.SeasonId, HttpContext.RequestAborted);
        Breadcrumbs((L("Saisons", "Seasons"), "/seasons"), (season?.Name ?? L("Saison", "Season"), $"/seasons/{training.SeasonId}"),
            (L("Formations collectives", "Collective trainings"), $"/trainings/seasons/{training.SeasonId}"), (training.Title, null));
        return View("Session", new SessionPage(training, rows, isLead, venues, trainers, move ?? MoveForm.Of(training), cancel ?? new CancelForm()));
    }

    /// <summary>
    /// The sheet as saved, else one row per person of each enrolled project: its holder, then each team member who joined
    /// it, by name (attendance and hours are per person); plus blank rows for people who came without an account.
    /// </summary>
    private async Task<List<SheetRow>> SheetAsync(TrainingDto training)
    {
        var rows = training.Attendance.Select(a => new SheetRow { ProjectId = a.ProjectId, ParticipantName = a.ParticipantName, Status = a.Status, Hours = a.Hours }).ToList();
        if (rows.Count == 0)
        {
            var members = (await team.MembersOfAsync(training.Enrolments.Select(e => e.ProjectId).ToList(), HttpContext.RequestAborted)).ToLookup(m => m.ProjectId);
            foreach (var enrolment in training.Enrolments)
            {
                var holder = await users.FindAsync(enrolment.ApplicantUserId, HttpContext.RequestAborted);
                rows.Add(new SheetRow { ProjectId = enrolment.ProjectId, ParticipantName = holder?.DisplayName, Status = "Present" });
                rows.AddRange(members[enrolment.ProjectId].Select(m => new SheetRow { ProjectId = enrolment.ProjectId, ParticipantName = m.Name, Status = "Present" }));
            }
        }

        rows.AddRange(Enumerable.Range(0, Math.Min(3, Math.Max(1, training.Enrolments.Count))).Select(_ => new SheetRow { Status = "Present" }));
        return rows;
    }

    private async Task<IActionResult> ListsView(VenueForm venue, TrainerForm trainer)
    {
        var venues = await Mediator.Send(new ListVenues(), HttpContext.RequestAborted);
        var trainers = await Mediator.Send(new ListTrainers(), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Lieux et intervenants", "Venues and trainers"), null));
        return View("Lists", new ListsPage(venues, trainers, venue, trainer));
    }
}
