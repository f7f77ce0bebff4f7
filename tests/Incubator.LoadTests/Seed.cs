using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

using Incubator.LoadTests;

/// <summary>What a season's accompaniment was seeded with, and who can open its pages.</summary>
internal sealed record ProgramData(Guid SeasonId, string CoachEmail, int Projects, int Pairs, int Sessions, int Trainings, int Agreements);

/// <summary>
/// A season's whole program, through the host's own API as program leads and coaches do it: decisions,
/// the cohort, coaching pairs and their sessions, training days with their attendance sheets, funders
/// and agreements. Events between modules travel through the outboxes, so each step waits for them.
/// </summary>
internal sealed partial class Bench
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<ProgramData> SeedProgramAsync(HttpClient admin, Uri address, Guid seasonId, IReadOnlyList<Guid> submitted, string tag, int pairs, int sessions, int trainings, int funders)
    {
        var projects = pairs * 6;
        var selected = submitted.Take(projects).ToList();
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            Ensure(await admin.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "select", reason = "Projet retenu par le comité." })));
        await UntilAsync("the decisions reach the seasons module", async () =>
            (await admin.GetFromJsonAsync<List<Candidate>>($"/api/seasons/{seasonId}/cohort/candidates"))!.Count(c => c.Decision == "Selected") == projects);

        var coaches = new List<(Guid Id, string Email)>();
        for (var i = 0; i < pairs * 2; i++)
        {
            var email = $"coach-{tag}-{i:00}@bench.local";
            coaches.Add(((await Json<IdBody>(await admin.PostAsJsonAsync("/api/users", new { email, displayName = $"Accompagnateur {tag} {i}", password = Password, roles = new[] { "Coach" } }))).Id, email));
        }

        for (var p = 0; p < pairs; p++)
        {
            Ensure(await admin.PostAsJsonAsync($"/api/seasons/{seasonId}/coaching-pairs", new { coachUserIds = new[] { coaches[2 * p].Id, coaches[(2 * p) + 1].Id } }));
        }

        // Forming pairs changes the season too (its coaching capacity, through the outbox): a lead whose
        // change meets that one gets a 409 and sends it again, as the page tells them to.
        await UntilAcceptedAsync(() => admin.PutAsJsonAsync($"/api/seasons/{seasonId}/cohort", new { applicationIds = selected }));
        await UntilAcceptedAsync(() => admin.PostAsync($"/api/seasons/{seasonId}/cohort/approve", null));
        List<PairBody> formed = [];
        await UntilAsync("the cohort reaches the coaching pairs", async () =>
        {
            formed = (await admin.GetFromJsonAsync<List<PairBody>>($"/api/seasons/{seasonId}/coaching-pairs"))!;
            return formed.Sum(f => f.Projects.Count) == projects;
        });

        // Sessions by the pair's coaches, over the last year, spread over the projects.
        var byProject = formed.SelectMany(f => f.Projects.Select(p => (Pair: f, p.ProjectId))).ToList();
        var coachClients = new Dictionary<Guid, HttpClient>();
        foreach (var coach in coaches)
        {
            coachClients[coach.Id] = await SignInAsync(address, coach.Email, 4);
        }

        // One project's sessions one after the other (each changes the project), the projects in parallel.
        await Parallel.ForEachAsync(Enumerable.Range(0, byProject.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (k, _) =>
        {
            var (pair, projectId) = byProject[k];
            for (var n = k; n < sessions; n += byProject.Count)
            {
                var coach = pair.Coaches[n % 2].UserId;
                Ensure(await coachClients[coach].PostAsJsonAsync($"/api/coaching/projects/{projectId}/sessions", new
                {
                    date = Today.AddDays(-(n % 360)), durationMinutes = 90, format = (n % 3) switch { 0 => "InPerson", 1 => "Video", _ => "Phone" },
                    coachesPresent = pair.Coaches.Select(c => c.UserId), notes = "Point sur le prévisionnel et les premiers clients.",
                    decisions = "Relancer la banque.", nextSteps = "Préparer le dossier de prêt d'honneur.",
                }));
            }
        });

        // Training days across the season, each with its attendance sheet once the cohort is enrolled.
        var season = await admin.GetFromJsonAsync<SeasonBody>($"/api/seasons/{seasonId}");
        var first = season!.StartsOn.ToDateTime(new TimeOnly(9, 0));
        var spacing = Math.Max(1, (season.EndsOn.DayNumber - season.StartsOn.DayNumber - 1) / trainings);
        var planned = new List<Guid>();
        for (var t = 0; t < trainings; t++)
        {
            var startsAt = new DateTimeOffset(first.AddDays(t * spacing), TimeSpan.FromHours(1));
            planned.Add((await Json<IdBody>(await admin.PostAsJsonAsync($"/api/seasons/{seasonId}/trainings", new
            {
                title = $"Journée collective {t + 1}", topic = "Modèle économique", startsAt, endsAt = startsAt.AddHours(6),
                venue = new { name = "Tiers-lieu La Fabrique", address = "2 rue du Moulin", town = "Die" },
                trainer = new { name = "Coopérative Tisser", organisation = "CAE Drôme", fromTerritory = true },
                capacity = projects + 10, mode = "InPerson",
            }))).Id);
        }

        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, _) =>
        {
            TrainingBody? training = null;
            await UntilAsync("the cohort's enrolment in the training days", async () =>
                (training = await admin.GetFromJsonAsync<TrainingBody>($"/api/trainings/{id}"))!.Enrolments.Count == projects);
            Ensure(await admin.PutAsJsonAsync($"/api/trainings/{id}/attendance", training!.Enrolments.Select((e, i) => new
            {
                projectId = e.ProjectId, participantName = $"Porteur {i}", status = (i % 5) switch { 0 => "Absent", 1 => "Excused", 2 => "Remote", _ => "Present" },
            })));
        });

        // Funders, each with two agreements for the season (one for the small one), in three tranches.
        var agreements = 0;
        string[] kinds = ["Region", "Department", "Intercommunality", "Foundation", "EU"];
        for (var f = 0; f < funders; f++)
        {
            var funder = await Json<IdBody>(await admin.PostAsJsonAsync("/api/funders", new
            {
                name = $"Financeur {tag} {f}", kind = kinds[f % kinds.Length], contacts = new[] { new { name = "Chargée de mission", email = $"financeur{f}@bench.local" } },
            }));
            for (var a = 0; a < (funders == 1 ? 1 : 2); a++)
            {
                Ensure(await admin.PostAsJsonAsync("/api/funding-agreements", new
                {
                    funderId = funder.Id, seasonId, amount = 30000m, signedOn = Today.AddDays(-30), reference = $"CONV-{tag}-{f}-{a}",
                    tranches = new[] { new { amount = 15000m, dueOn = Today.AddDays(10) }, new { amount = 9000m, dueOn = Today.AddDays(200) }, new { amount = 6000m, dueOn = Today.AddDays(420) } },
                    reports = new[] { new { label = "Bilan intermédiaire", dueOn = Today.AddDays(180) }, new { label = "Bilan final", dueOn = Today.AddDays(450) } },
                }));
                agreements++;
            }
        }

        return new ProgramData(seasonId, coaches[0].Email, projects, pairs, sessions, trainings, agreements);
    }

    /// <summary>Submitted applications of a season, from the seeded applicants.</summary>
    private static async Task<List<Guid>> SubmitManyAsync(IReadOnlyList<HttpClient> applicants, Guid seasonId, int count)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<(int N, Guid Id)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var client = applicants[n % applicants.Count];
            var created = await Json<IdBody>(await client.PostAsJsonAsync($"/api/seasons/{seasonId}/applications", Body(n)));
            Ensure(await client.PostAsync($"/api/applications/{created.Id}/submit", null));
            ids.Add((n, created.Id));
        });
        return ids.OrderBy(i => i.N).Select(i => i.Id).ToList();
    }

    /// <summary>
    /// Until every module's outbox is dispatched and every mail is written (thousands of confirmations
    /// after seeding), read in the database: the measured process starts without that backlog.
    /// </summary>
    private static async Task DrainAsync(Func<Backlog> backlog) => await UntilAsync("the outboxes and the mail queue to drain", () => Task.FromResult(backlog().Total == 0), minutes: 15);

    /// <summary>The messages and mails not yet handled, in the SQLite files.</summary>
    private Backlog SqliteBacklog()
    {
        long messages = 0, mails = 0;
        foreach (var file in Directory.GetFiles(data, "*.db").Where(f => !f.EndsWith("reference.db", StringComparison.Ordinal)))
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            foreach (var (table, pending) in new[] { ("OutboxMessages", "\"ProcessedAt\" IS NULL"), ("OutgoingMails", "\"SentAt\" IS NULL") })
            {
                using var exists = connection.CreateCommand();
                exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
                if ((long)exists.ExecuteScalar()! == 0)
                {
                    continue;
                }

                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {pending}";
                var waiting = (long)count.ExecuteScalar()!;
                if (table == "OutboxMessages")
                {
                    messages += waiting;
                }
                else
                {
                    mails += waiting;
                }
            }
        }

        return new Backlog(messages, mails);
    }

    private static async Task UntilAcceptedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict || attempt == 10)
            {
                Ensure(response);
                return;
            }

            await Task.Delay(500);
        }
    }

    private static async Task UntilAsync(string what, Func<Task<bool>> done, int minutes = 2)
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {minutes} minutes for {what}.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>What waits: the modules' outbox messages (what API.md's ten seconds are about) and the mails.</summary>
    private readonly record struct Backlog(long Messages, long Mails)
    {
        public long Total => Messages + Mails;
    }

    private sealed record Candidate(Guid ApplicationId, string Decision);

    private sealed record CoachBody(Guid UserId);

    private sealed record PairProjectBody(Guid ProjectId);

    private sealed record PairBody(Guid Id, List<CoachBody> Coaches, List<PairProjectBody> Projects);

    private sealed record SeasonBody(DateOnly StartsOn, DateOnly EndsOn);

    private sealed record EnrolmentBody(Guid ProjectId);

    private sealed record TrainingBody(Guid Id, List<EnrolmentBody> Enrolments);
}
