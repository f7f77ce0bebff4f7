using System.Security.Claims;
using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.Coaching.Features;
using Incubator.Funding.Features;
using Incubator.Host.Identity;
using Incubator.Impact.Contracts;
using Incubator.Meetings.Features;
using Incubator.Seasons.Features.Cohort;
using Incubator.Seasons.Features.Programs;
using Incubator.Seasons.Features.Seasons;
using Incubator.Trainings.Features;
using MediatR;
using Microsoft.AspNetCore.Identity;
using ApplicationInput = Incubator.Applications.Features.ApplicationInput;

namespace Incubator.Host.Infrastructure;

/// <summary>
/// The clock the demo program is written with: the system's (or a test's) time, shifted while the seeder replays
/// six months of a season, then put back. Registered only when demo data is on.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Shift;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}

/// <summary>
/// A realistic program for a newcomer's first <c>dotnet run</c> ("Accompagnement Drôme-Ardèche"): a season that started
/// some months ago with an information evening before its call, 15 applications, jury interviews of the shortlisted, a cohort of 6, two coaches, monthly trainings in third places with attendance,
/// coaching sessions and milestones, regional and departmental funding; plus next season's open call. Everything goes
/// through the modules' own requests, as the people would have done it, day after day; nothing is written to a table directly.
/// </summary>
internal sealed partial class DemoData(IServiceProvider services, DemoClock clock, ILogger<DemoData> logger)
{
    public const string Password = "Demo-Incubator-2026";

    private static readonly (string Name, string Commune, string Department, string Need, string Person)[] Projects =
    [
        ("Garage solidaire du Diois", "Die", "26", "La mobilité des ménages modestes loin des villes.", "Inès Porteuse"),
        ("Tiers-lieu La Fabrique de Crest", "Crest", "26", "Un lieu de travail et de rencontre pour les indépendants du Val de Drôme.", "Hugo Martin"),
        ("Épicerie itinérante des Baronnies", "Nyons", "26", "L'accès à une alimentation de qualité dans les villages sans commerce.", "Amina Benali"),
        ("Bien vieillir à Lamastre", "Lamastre", "07", "L'isolement des personnes âgées à domicile.", "Jeanne Roux"),
        ("Accueil des réfugiés en Ardèche verte", "Annonay", "07", "L'accueil et l'emploi des personnes réfugiées.", "Youssef Haddad"),
        ("Ressourcerie du Vivarais", "Privas", "07", "Le réemploi des objets et l'emploi d'insertion.", "Camille Faure"),
        ("Cantine solidaire de Valence", "Valence", "26", "Des repas à prix libre pour les étudiants et les familles.", "Lucas Bernard"),
        ("Fablab rural du Royans", "Saint-Jean-en-Royans", "26", "La fabrication numérique ouverte aux artisans et aux jeunes.", "Chloé Perrin"),
        ("Mobilité partagée en Val de Drôme", "Loriol-sur-Drôme", "26", "L'autopartage entre habitants des communes rurales.", "Nicolas Garnier"),
        ("Jardin d'insertion d'Aubenas", "Aubenas", "07", "Le retour à l'emploi par le maraîchage biologique.", "Sarah Lopez"),
        ("Café associatif de Largentière", "Largentière", "07", "Un lieu de vie et de culture au cœur du village.", "Mathieu Chevalier"),
        ("Conserverie paysanne du Tricastin", "Pierrelatte", "26", "La transformation des surplus des maraîchers locaux.", "Élodie Blanc"),
        ("Recyclerie textile de Tournon", "Tournon-sur-Rhône", "07", "La seconde vie des vêtements et des emplois d'insertion.", "Karim Mansour"),
        ("Habitat partagé de Dieulefit", "Dieulefit", "26", "Un habitat intergénérationnel et abordable.", "Anne Vidal"),
        ("Maison des services du Haut-Vivarais", "Saint-Agrève", "07", "L'accès aux services publics et au numérique.", "Paul Giraud"),
    ];

    /// <summary>Seeds once: does nothing when a program already exists.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var lead = await AccountAsync("responsable@demo.incubator.local", "Léa Responsable", Roles.ProgramLead);
        if ((await SendAs(lead, new ListPrograms(), cancellationToken)).Count > 0)
        {
            return;
        }

        logger.LogInformation("Seeding the demo program (Development): six months of a season, replayed day after day.");
        var reviewers = new[]
        {
            await AccountAsync("comite1@demo.incubator.local", "Rémi Relecteur", Roles.Reviewer),
            await AccountAsync("comite2@demo.incubator.local", "Sophie Évaluatrice", Roles.Reviewer),
        };
        var coaches = new[]
        {
            await AccountAsync("accompagnatrice@demo.incubator.local", "Claire Accompagnatrice", Roles.Coach),
            await AccountAsync("accompagnateur@demo.incubator.local", "Marc Accompagnateur", Roles.Coach),
        };
        var applicants = new List<Actor> { await AccountAsync("porteuse@demo.incubator.local", "Inès Porteuse", Roles.Applicant) };
        for (var i = 1; i < Projects.Length; i++)
        {
            applicants.Add(await AccountAsync($"porteur{i + 1:00}@demo.incubator.local", Projects[i].Person, Roles.Applicant));
        }

        var today = clock.GetUtcNow();
        try
        {
            await ReplaySeasonAsync(today, lead, reviewers, coaches, applicants, cancellationToken);
            await ReplayPastCohortAsync(today, lead, applicants, cancellationToken);
        }
        finally
        {
            clock.Shift = TimeSpan.Zero;
        }

        // Next season's call is open now, so that applicants have somewhere to apply.
        var nextStart = FirstOfMonth(DateOnly.FromDateTime(ParisTime.ToLocal(today)).AddMonths(4));
        var program = (await SendAs(lead, new ListPrograms(), cancellationToken))[0];
        var next = await SendAs(lead, new SaveSeason(null, new SeasonInput(program.Id, $"Saison {nextStart.Year}", nextStart, null,
            today.AddDays(-5), ParisTime.FromLocal(nextStart.AddDays(-30).ToDateTime(new TimeOnly(23, 59))), null)), cancellationToken);
        await SendAs(lead, new OpenApplications(next.Id), cancellationToken);
        var evening = ParisTime.FromLocal(DateOnly.FromDateTime(ParisTime.ToLocal(today.AddDays(12))).ToDateTime(new TimeOnly(18, 30)));
        var meeting = await SendAs(lead, new PlanMeeting(next.Id, new MeetingInput("Réunion d'information à Privas", evening, evening.AddMinutes(90),
            "InPerson", "Maison des associations", "5 place de la République", "Privas", null, 20, "Présentation de la saison et de l'appel à candidatures.")), cancellationToken);
        await SendAs(lead, new Register(meeting.Id, new RegistrationInput("Lina Morel", "lina.morel@demo.incubator.local", "Privas")), cancellationToken);
        await DeliverAsync(cancellationToken);
    }

    private async Task ReplaySeasonAsync(DateTimeOffset today, Actor lead, Actor[] reviewers, Actor[] coaches, List<Actor> applicants, CancellationToken ct)
    {
        var t0 = today.AddDays(-200);
        At(t0.AddDays(-30));
        var startsOn = FirstOfMonth(DateOnly.FromDateTime(ParisTime.ToLocal(t0)).AddMonths(2));
        var program = await SendAs(lead, new SaveProgram(null, "Accompagnement Drôme-Ardèche", "Drôme, Ardèche",
            ["Incubateur Drôme-Ardèche", "CAE Solidaire"]), ct);
        var season = await SendAs(lead, new SaveSeason(null, new SeasonInput(program.Id, $"Saison {startsOn.Year}", startsOn, null,
            t0.AddDays(-1), t0.AddDays(30), null)), ct);

        // Before the call, an information evening in Montélimar: people register from the public page, most come.
        var evening = ParisTime.FromLocal(DateOnly.FromDateTime(ParisTime.ToLocal(t0.AddDays(-14))).ToDateTime(new TimeOnly(18, 0)));
        var meeting = await SendAs(lead, new PlanMeeting(season.Id, new MeetingInput("Réunion d'information à Montélimar", evening, evening.AddMinutes(90),
            "Hybrid", "Pôle ESS Sud Drôme", "1 avenue Saint-Martin", "Montélimar", "https://visio.example.org/info-drome-ardeche", 25,
            "Le programme, le calendrier de la saison, comment candidater ; un temps d'échange avec des porteurs de la saison passée.")), ct);
        var registered = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            At(t0.AddDays(-28 + i));
            var person = i < Projects.Length ? Projects[i].Person : $"Personne {i}";
            await SendAs(lead, new Register(meeting.Id, new RegistrationInput(person, $"info{i + 1:00}@demo.incubator.local", i < Projects.Length ? Projects[i].Commune : "Montélimar")), ct);
        }

        await DeliverAsync(ct);
        At(evening.AddMinutes(100));
        var registrants = await SendAs(lead, new ListRegistrations(meeting.Id), ct);
        await SendAs(lead, new RecordMeetingAttendance(meeting.Id, new MeetingAttendanceInput(registrants.Where((_, i) => i % 4 != 3).Select(r => r.Id).ToList())), ct);

        At(t0);
        await SendAs(lead, new OpenApplications(season.Id), ct);

        // Funders sign early; the first tranches come when the season starts.
        var region = await SendAs(lead, new AddFunder(new FunderInput("Région Auvergne-Rhône-Alpes", "Region",
            [new ContactInput("Nadia Benali", "Chargée de mission ESS", "nadia.benali@example.org", null)])), ct);
        var department = await SendAs(lead, new AddFunder(new FunderInput("Département de la Drôme", "Department",
            [new ContactInput("Julien Morel", "Service insertion", "julien.morel@example.org", null)])), ct);
        var seasonEnd = season.EndsOn;

        // Applications arrive over the month of the call.
        var ids = new List<Guid>();
        for (var i = 0; i < Projects.Length; i++)
        {
            At(t0.AddDays(1 + i * 2).AddHours(i % 5));
            var p = Projects[i];
            var draft = await SendAs(applicants[i], new CreateDraft(season.Id, new ApplicationInput(p.Name,
                $"{p.Name} : un projet collectif porté à {p.Commune}.", p.Need, p.Commune, p.Department,
                "Une association d'habitants et de bénévoles, une gouvernance partagée.",
                "Ventes et prestations, adhésions, subventions de démarrage.",
                [new TeamMemberDto(p.Person, "Porteur·se du projet", null), new TeamMemberDto("Alex Durand", "Bénévole", null)])), ct);
            await SendAs(applicants[i], new SubmitApplication(draft.Id), ct);
            ids.Add(draft.Id);
        }

        At(t0.AddDays(20));
        var regionAgreement = await SendAs(lead, new SignAgreement(new AgreementInput(region.Id, season.Id, 60000m, DateOnly.FromDateTime(ParisTime.ToLocal(t0.AddDays(20))),
            seasonEnd.AddMonths(2), "AURA-ESS-2026-014",
            [new TrancheInput(36000m, startsOn), new TrancheInput(24000m, DateOnly.FromDateTime(ParisTime.ToLocal(today)).AddDays(20))], null)), ct);
        var departmentAgreement = await SendAs(lead, new SignAgreement(new AgreementInput(department.Id, season.Id, 15000m, DateOnly.FromDateTime(ParisTime.ToLocal(t0.AddDays(20))),
            null, null, [new TrancheInput(15000m, startsOn.AddMonths(3))], [new ReportInput("Bilan intermédiaire", DateOnly.FromDateTime(ParisTime.ToLocal(today)).AddDays(25))])), ct);

        // The call closes by itself; the committee reviews; the lead decides.
        At(t0.AddDays(31));
        await RunAsync("seasons:lifecycle", ct);
        var rubric = await SendAs(lead, new GetRubric(season.Id), ct);
        await SendAs(lead, new SaveRubric(season.Id, new RubricInput(
            rubric.Criteria.Select(c => c with { Weight = c.Key == "socialNeed" ? 2 : 1 }).ToList(), reviewers.Select(r => r.Id).ToList(), false)), ct);
        At(t0.AddDays(33));
        for (var i = 0; i < ids.Count; i++)
        {
            foreach (var (reviewer, r) in reviewers.Select((x, r) => (x, r)))
            {
                if (r == 1 && i == 8)
                {
                    await SendAs(reviewer, new DeclareConflict(ids[i], true), ct); // she knows the project's founder
                    continue;
                }

                await SendAs(reviewer, new DeclareConflict(ids[i], false), ct);
                var score = Math.Clamp(5 - i / 3 + (r == 1 && i % 2 == 0 ? -1 : 0), 1, 5);
                await SendAs(reviewer, new SubmitReview(ids[i], new ReviewInput(
                    rubric.Criteria.ToDictionary(c => c.Key!, c => Math.Clamp(score + (c.Key == "team" ? -1 : 0), 1, 5)), "Relu en comité.", false)), ct);
            }
        }

        // The eight best are shortlisted and meet the jury: a committee member and a partner of France Active.
        At(t0.AddDays(34));
        for (var i = 0; i < 8; i++)
        {
            await SendAs(lead, new DecideApplication(ids[i], "shortlist", null), ct);
        }

        await SendAs(lead, new SaveJury(season.Id, new JuryInput([new JuryMemberInput("Rémi Relecteur", null, reviewers[0].Id),
            new JuryMemberInput("Nadia Ferrand", "France Active Drôme-Ardèche", null)])), ct);
        var interviewDay = DateOnly.FromDateTime(ParisTime.ToLocal(t0.AddDays(37)));
        for (var i = 0; i < 8; i++)
        {
            var slot = await SendAs(lead, new OpenInterviewSlot(season.Id, new InterviewSlotInput(
                ParisTime.FromLocal(interviewDay.ToDateTime(new TimeOnly(9, 0)).AddMinutes(45 * i)), 40, "Pôle ESS Sud Drôme, Montélimar", null)), ct);
            await SendAs(lead, new InviteToInterview(ids[i], new InterviewInvitationInput(slot.Id)), ct);
            await SendAs(applicants[i], new ConfirmInterview(ids[i]), ct);
        }

        At(t0.AddDays(38));
        for (var i = 0; i < 8; i++)
        {
            await SendAs(reviewers[0], new DeclareInterviewConflict(ids[i], false), ct);
            await SendAs(reviewers[0], new WriteInterviewNotes(ids[i], new InterviewNoteInput(
                i < 6 ? "Une équipe engagée, un besoin bien décrit." : "Un beau projet, encore fragile sur son modèle.", i < 6 ? "Select" : "Waitlist")), ct);
        }

        At(t0.AddDays(40));
        for (var i = 0; i < ids.Count; i++)
        {
            var (decision, reason) = i < 6 ? ("select", "Un besoin avéré et une équipe engagée.")
                : i < 8 ? ("waitlist", "Un beau projet ; la promotion est complète.")
                : ("reject", "Le projet gagnerait à mûrir : revenez à la prochaine saison.");
            await SendAs(lead, new DecideApplication(ids[i], decision, reason), ct);
        }

        await SendAs(lead, new FormPair(season.Id, new PairInput([coaches[0].Id, coaches[1].Id])), ct);
        await DeliverAsync(ct);
        At(t0.AddDays(42));
        await SendAs(lead, new ProposeCohort(season.Id, new CohortProposal(ids.Take(6).ToList())), ct);
        await SendAs(lead, new ApproveCohort(season.Id), ct);
        await DeliverAsync(ct);
        await FollowUpAsync(t0.AddDays(42), applicants.Take(6).ToList(), Stages.Entry, [0, 1, 2, 4], Entry, ct);

        // Monthly trainings in third places, the first Thursday of each month.
        At(t0.AddDays(45));
        var cordonnerie = await SendAs(lead, new AddVenue(new VenueInput("La Cordonnerie", "2 rue des Alpes", "Romans-sur-Isère", "Plain-pied, boucle magnétique, gare à 10 minutes à pied.")), ct);
        var moulinage = await SendAs(lead, new AddVenue(new VenueInput("Le Moulinage", "Chemin du Moulinage", "Chirols", "Accès de plain-pied ; covoiturage organisé depuis Aubenas.")), ct);
        var trainer = await SendAs(lead, new AddTrainer(new TrainerInput("Camille Roux", "URSCOP Auvergne-Rhône-Alpes", true)), ct);
        var otherTrainer = await SendAs(lead, new AddTrainer(new TrainerInput("Bastien Leroy", "France Active", false)), ct);
        var firstThursday = FirstWeekday(startsOn, DayOfWeek.Thursday);
        var series = await SendAs(lead, new PlanSeries(season.Id, new SeriesInput("Journée collective", "Modèle économique, gouvernance, financement, communication.",
            ParisTime.FromLocal(firstThursday.ToDateTime(new TimeOnly(9, 30))), 7m, 12, cordonnerie.Id, null, trainer.Id, null, 14, "Hybrid",
            "https://visio.example.org/incubator-drome-ardeche", [8])), ct);
        await SendAs(lead, new PlanTraining(season.Id, new TrainingInput("Rencontre avec les financeurs", "Présenter son projet en cinq minutes.",
            ParisTime.FromLocal(firstThursday.AddDays(49).ToDateTime(new TimeOnly(14, 0))), ParisTime.FromLocal(firstThursday.AddDays(49).ToDateTime(new TimeOnly(17, 30))),
            moulinage.Id, null, otherTrainer.Id, null, 20, "InPerson", null)), ct);
        await DeliverAsync(ct);

        // Month after month until today: coaching sessions, milestones, attendance sheets, payments.
        var trainings = await SendAs(lead, new ListTrainings(season.Id), ct);
        var names = ids.Take(6).Select((id, i) => (id, Projects[i].Person)).ToDictionary(x => x.id, x => x.Person);
        var events = new List<(DateTimeOffset At, Func<Task> Act)>();
        foreach (var (training, n) in trainings.Select((t, n) => (t, n)).Where(x => x.t.EndsAt < today))
        {
            events.Add((training.EndsAt.AddHours(2), () => SendAs(lead, new RecordAttendance(training.Id, names.Select((kv, p) => new AttendanceInput(kv.Key, kv.Value,
                ((n + p) % 9) switch { 0 => "Excused", 4 => "Remote", 7 => "Absent", _ => "Present" }, null)).ToList()), ct)));
        }

        var start = ParisTime.FromLocal(startsOn.ToDateTime(new TimeOnly(10, 0)));
        foreach (var (project, p) in ids.Take(6).Select((id, p) => (id, p)))
        {
            var coach = coaches[p % 2]; // both coaches of the one pair log sessions
            var logged = 0;
            // The sixth project has not been seen for six weeks: the weekly digest will flag it.
            var until = p == 5 ? today.AddDays(-42) : today.AddDays(-1);
            for (var day = start.AddDays(5 + p * 2); day < until; day = day.AddDays(21))
            {
                var on = DateOnly.FromDateTime(ParisTime.ToLocal(day));
                var count = ++logged;
                events.Add((day.AddHours(3), async () =>
                {
                    await SendAs(coach, new LogSession(project, new SessionInput(on, count % 3 == 0 ? 60 : 90, count % 2 == 0 ? "Video" : "InPerson",
                        [coaches[0].Id, coaches[1].Id], "Point d'étape avec l'équipe.", count == 1 ? "Réaliser le diagnostic" : "Avancer le plan de financement",
                        "Préparer le prochain rendez-vous", on.AddDays(21))), ct);
                    if (count == 2)
                    {
                        await SendAs(coach, new SetMilestone(project, "diagnostic", new MilestoneInput("Done")), ct);
                    }
                    else if (count == 4)
                    {
                        await SendAs(coach, new SetMilestone(project, "economicModel", new MilestoneInput(p % 2 == 0 ? "Done" : "InProgress")), ct);
                    }
                    else if (count == 6 && p < 3)
                    {
                        await SendAs(coach, new SetMilestone(project, "legalStructure", new MilestoneInput("Done")), ct);
                    }
                }));
            }
        }

        events.Add((start.AddDays(10), () => SendAs(lead, new ReceiveTranche(regionAgreement.Id, 0, new ReceivedInput(startsOn.AddDays(10))), ct)));
        if (start.AddMonths(3).AddDays(12) < today)
        {
            events.Add((start.AddMonths(3).AddDays(12), () => SendAs(lead, new ReceiveTranche(departmentAgreement.Id, 0, new ReceivedInput(startsOn.AddMonths(3).AddDays(12))), ct)));
        }

        foreach (var (at, act) in events.OrderBy(e => e.At))
        {
            At(at < today ? at : today.AddMinutes(-1));
            await act();
        }

        await SendAs(coaches[0], new SetHealth(ids[5], new HealthInput("NeedsAttention", "Le local promis par la mairie n'est plus disponible.")), ct);

        // The next collective day cannot take place at La Cordonnerie: it moves a week later, and the cohort is told.
        if (trainings.FirstOrDefault(t => t.StartsAt > today && t.Title == "Journée collective") is { } next && next.StartsAt.AddDays(7) < ParisTime.FromLocal(startsOn.AddMonths(14).ToDateTime(TimeOnly.MinValue)))
        {
            await SendAs(lead, new MoveTraining(next.Id, new MoveInput(next.StartsAt.AddDays(7), next.EndsAt.AddDays(7), null, null, null, null, null, null,
                "La Cordonnerie accueille le marché de Noël ce jour-là.")), ct);
        }

        clock.Shift = TimeSpan.Zero;
        await DeliverAsync(ct);
    }

    private void At(DateTimeOffset instant) => clock.Shift = instant - (clock.GetUtcNow() - clock.Shift);

    private async Task DeliverAsync(CancellationToken ct)
    {
        foreach (var module in new[] { "meetings", "applications", "seasons", "coaching", "trainings", "impact", "funding" })
        {
            await RunAsync($"outbox:{module}", ct);
        }

        // Events delivered may have raised others (a cohort approval starts coaching, which publishes capacity...).
        foreach (var module in new[] { "seasons", "coaching", "trainings" })
        {
            await RunAsync($"outbox:{module}", ct);
        }
    }

    private async Task RunAsync(string jobId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledJobRunner>().RunAsync(jobId, ct);
    }

    /// <summary>Sends a request as that person would, signed in: the modules check ownership and roles as always.</summary>
    private async Task<T> SendAs<T>(Actor actor, IRequest<T> request, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.Id.ToString()), .. actor.Roles.Select(r => new Claim(ClaimTypes.Role, r))], "Demo");
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<Actor> AccountAsync(string email, string displayName, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IncubatorUser>>();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return new Actor(existing.Id, [.. await users.GetRolesAsync(existing)]);
        }

        var (user, errors) = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateAsync(email, displayName, Password, [role], emailConfirmed: true);
        return user is null
            ? throw new InvalidOperationException($"Demo account {email}: " + string.Join(" ", errors.SelectMany(e => e.Value)))
            : new Actor(user.Id, [role]);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly FirstWeekday(DateOnly firstOfMonth, DayOfWeek weekday) => firstOfMonth.AddDays(((int)weekday - (int)firstOfMonth.DayOfWeek + 7) % 7);

    private sealed record Actor(Guid Id, IReadOnlyList<string> Roles);
}
