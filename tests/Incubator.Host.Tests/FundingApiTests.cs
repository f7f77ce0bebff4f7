using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Contracts;
using Incubator.Funding.Features;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public abstract class FundingApiTests
{
    private readonly IncubatorFactory _factory;

    protected FundingApiTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Agreement(Guid Id, decimal Amount, decimal Received, List<Tranche> Tranches, List<Deadline> Reports);

    private sealed record Tranche(int Index, decimal Amount, DateOnly DueOn, string Status, DateOnly? ReceivedOn);

    private sealed record Deadline(int Index, string Label, DateOnly DueOn);

    private sealed record BudgetLine(Guid FunderId, string FunderName, decimal Committed, decimal Received, decimal Expected, DateOnly? NextDueOn);

    private sealed record Budget(decimal Committed, decimal Received, decimal Expected, List<BudgetLine> Funders);

    internal static async Task<Guid> FunderAsync(HttpClient lead, string name = "Région Auvergne-Rhône-Alpes", string kind = "Region")
    {
        var created = await lead.PostAsJsonAsync("/api/funders", new
        {
            name = $"{name} {Guid.NewGuid():N}"[..Math.Min(200, name.Length + 33)],
            kind,
            contacts = new[] { new { name = "Nadia Benali", role = "Chargée de mission ESS", email = "nadia.benali@example.org" } },
        });
        await created.EnsureSuccessAsync();
        return (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
    }

    [Fact]
    public async Task Given_a_funder_and_an_agreement_When_tranches_are_received_Then_the_rules_hold_and_the_budget_follows()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory);
        var region = await FunderAsync(lead);
        var foundation = await FunderAsync(lead, "Fondation Solidarité Rurale", "Foundation");

        async Task<JsonElement> Refused(object body, string field)
        {
            var response = await lead.PostAsJsonAsync("/api/funding-agreements", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
            return problem;
        }

        var tranches = new[] { new { amount = 24000m, dueOn = "2026-12-15" }, new { amount = 16000m, dueOn = "2027-09-30" } };
        await Refused(new { funderId = region, seasonId = season.Id, amount = 45000m, signedOn = "2026-11-02", reportDueOn = "2028-06-30", tranches }, "tranches");
        await Refused(new { funderId = region, seasonId = season.Id, amount = 40000m, signedOn = "2026-12-02", reportDueOn = "2028-06-30", tranches }, "signedOn");
        await Refused(new { funderId = region, seasonId = season.Id, amount = -1m, signedOn = "2026-11-02", tranches }, "amount");
        await Refused(new { funderId = Guid.NewGuid(), seasonId = season.Id, amount = 40000m, signedOn = "2026-11-02", tranches }, "funderId");
        await Refused(new { funderId = region, seasonId = season.Id, amount = 40000m, signedOn = "2026-11-02", tranches = new[] { new { amount = 40000m, dueOn = "2026-10-01" } } }, "tranches[0].dueOn");
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync("/api/funders", new { name = "Commune", kind = "Planet" })).StatusCode);

        var signed = await lead.PostAsJsonAsync("/api/funding-agreements", new { funderId = region, seasonId = season.Id, amount = 40000m, signedOn = "2026-11-02", reportDueOn = "2028-06-30", tranches });
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var agreement = (await signed.Content.ReadFromJsonAsync<Agreement>())!;
        Assert.Equal([24000m, 16000m], agreement.Tranches.Select(t => t.Amount));
        Assert.Equal(new DateOnly(2028, 6, 30), Assert.Single(agreement.Reports).DueOn);
        await (await lead.PostAsJsonAsync("/api/funding-agreements", new
        {
            funderId = foundation, seasonId = season.Id, amount = 5000m, signedOn = "2026-10-15", tranches = new[] { new { amount = 5000m, dueOn = "2026-11-20" } },
        })).EnsureSuccessAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreement.Id}/tranches/0/received", new { receivedOn = "2026-12-24" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreement.Id}/tranches/5/received", new { receivedOn = "2026-11-20" })).StatusCode);
        var received = await lead.PostAsJsonAsync($"/api/funding-agreements/{agreement.Id}/tranches/0/received", new { receivedOn = "2026-11-20" });
        await received.EnsureSuccessAsync();
        Assert.Equal(24000m, (await received.Content.ReadFromJsonAsync<Agreement>())!.Received);
        var twice = await lead.PostAsJsonAsync($"/api/funding-agreements/{agreement.Id}/tranches/0/received", new { receivedOn = "2026-11-21" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var budget = (await lead.GetFromJsonAsync<Budget>($"/api/seasons/{season.Id}/budget"))!;
        Assert.Equal((45000m, 24000m, 21000m), (budget.Committed, budget.Received, budget.Expected));
        var regionLine = budget.Funders.Single(f => f.FunderId == region);
        Assert.Equal((40000m, 24000m, 16000m, new DateOnly(2027, 9, 30)), (regionLine.Committed, regionLine.Received, regionLine.Expected, regionLine.NextDueOn!.Value));

        var (applicant, _) = await _factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/seasons/{season.Id}/funder-report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/funding-agreements/{agreement.Id}/tranches/1/received", new { receivedOn = "2026-11-20" })).StatusCode);
    }

    [Fact]
    public async Task Given_a_season_lived_through_every_module_When_the_lead_reads_the_funder_report_Then_its_figures_match_what_happened_and_replays_change_nothing()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var submitted = new List<Guid>();
        foreach (var (name, department) in new[] { ("Garage solidaire", "26"), ("Tiers-lieu de Privas", "07"), ("Épicerie itinérante", "26"), ("Ressourcerie", "38") })
        {
            var (applicant, _) = await _factory.ApplicantClientAsync();
            submitted.Add(await applicant.SubmitAsync(season.Id, name, department));
            if (name == "Ressourcerie")
            {
                await (await applicant.PostAsync($"/api/applications/{submitted[^1]}/withdraw", null)).EnsureSuccessAsync();
            }
        }

        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        foreach (var id in submitted.Take(2))
        {
            await (await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "select" })).EnsureSuccessAsync();
        }

        // The third passes the first screening, then is turned down: it counts as shortlisted, not selected.
        await (await lead.PostAsJsonAsync($"/api/applications/{submitted[2]}/decision", new { decision = "shortlist" })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{submitted[2]}/decision", new { decision = "reject", reason = "Hors du champ de l'appel." })).EnsureSuccessAsync();

        var (coach, coachId) = await _factory.UserClientAsync(Roles.Coach);
        var (_, partnerId) = await _factory.UserClientAsync(Roles.Coach);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachId, partnerId } })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:applications");
        await lead.ApproveCohortAsync(_factory, season.Id, submitted.Take(2));
        var (garage, tiersLieu) = (submitted[0], submitted[1]);

        var series = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", TrainingsApiTests.Series(count: 3));
        var sessions = (await series.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(e => e.GetGuid()).ToList();
        await (await lead.PutAsJsonAsync($"/api/trainings/{sessions[0]}/attendance", new object[]
        {
            new { projectId = garage, participantName = "Awa", status = "Present" },
            new { projectId = garage, participantName = "Bruno", status = "Remote", hours = 3.5 },
            new { projectId = tiersLieu, participantName = "Chloé", status = "Absent" },
        })).EnsureSuccessAsync();
        // A correction of the second session's sheet: only the last one counts.
        await (await lead.PutAsJsonAsync($"/api/trainings/{sessions[1]}/attendance", new object[] { new { projectId = tiersLieu, participantName = "Chloé", status = "Present" } })).EnsureSuccessAsync();
        await (await lead.PutAsJsonAsync($"/api/trainings/{sessions[1]}/attendance", new object[] { new { projectId = tiersLieu, participantName = "Chloé", status = "Excused" } })).EnsureSuccessAsync();

        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        var mine = (await coach.GetFromJsonAsync<List<JsonElement>>("/api/coaching/projects/mine"))!;
        Assert.Equal(2, mine.Count);
        foreach (var minutes in new[] { 90, 45 })
        {
            await (await coach.PostAsJsonAsync($"/api/coaching/projects/{garage}/sessions", new { date = today, durationMinutes = minutes, format = "InPerson" })).EnsureSuccessAsync();
        }

        await (await coach.PutAsJsonAsync($"/api/coaching/projects/{garage}/milestones/diagnostic", new { status = "Done" })).EnsureSuccessAsync();
        await (await coach.PutAsJsonAsync($"/api/coaching/projects/{tiersLieu}/milestones/diagnostic", new { status = "Done" })).EnsureSuccessAsync();
        await (await coach.PutAsJsonAsync($"/api/coaching/projects/{tiersLieu}/milestones/governance", new { status = "Done" })).EnsureSuccessAsync();
        var region = await FunderAsync(lead);
        var agreement = await lead.PostAsJsonAsync("/api/funding-agreements", new
        {
            funderId = region, seasonId = season.Id, amount = 30000m, signedOn = "2026-11-02", reportDueOn = "2028-06-30",
            tranches = new[] { new { amount = 20000m, dueOn = "2026-11-15" }, new { amount = 10000m, dueOn = "2027-12-01" } },
        });
        var agreementId = (await agreement.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreementId}/tranches/0/received", new { receivedOn = "2026-11-16" })).EnsureSuccessAsync();
        foreach (var module in new[] { "applications", "seasons", "trainings", "coaching" })
        {
            await _factory.RunJobAsync($"outbox:{module}");
        }

        var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal(3, report.ApplicationsReceived);
        Assert.Equal(4, report.ApplicationsSubmitted);
        Assert.Equal(2, report.ProjectsAccompanied);
        Assert.Equal(1, report.TrainingSessionsHeld);
        Assert.Equal(11m, report.TrainingHoursDelivered);
        Assert.Equal(0.5m, report.AttendanceRate);
        Assert.Equal(2, report.CoachingSessions);
        Assert.Equal(2.25m, report.CoachingHours);
        Assert.Equal(3, report.MilestonesReached);
        Assert.Equal(["07", "26"], report.DepartmentsReached);
        Assert.Equal((30000m, 20000m), (report.FundingCommitted, report.FundingReceived));
        Assert.Equal([("07", 1, 1), ("26", 2, 1), ("38", 1, 0)], report.ByDepartment.Select(d => (d.DepartmentCode, d.ApplicationsSubmitted, d.ProjectsAccompanied)));
        Assert.Equal(new SelectionFunnel(0, 4, 3, 0, 2, 2), report.Funnel);
        var garageLine = report.ByProject.Single(p => p.ProjectId == garage);
        Assert.Equal((11m, 1m, 2, 2.25m, 1), (garageLine.TrainingHours, garageLine.AttendanceRate!.Value, garageLine.CoachingSessions, garageLine.CoachingHours, garageLine.MilestonesReached));
        var raw = await lead.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/funder-report");
        foreach (var field in new[] { "applicationsReceived", "applicationsSubmitted", "projectsAccompanied", "trainingSessionsHeld", "trainingHoursDelivered", "attendanceRate", "coachingSessions", "coachingHours", "milestonesReached", "departmentsReached", "fundingCommitted", "fundingReceived" })
        {
            Assert.True(raw.TryGetProperty(field, out _), field);
        }

        // The same facts again: redelivered, and republished under new message ids.
        foreach (var module in new[] { "applications", "seasons", "trainings", "coaching" })
        {
            await Task.WhenAll(_factory.RunJobAsync($"outbox:{module}"), _factory.RunJobAsync($"outbox:{module}"));
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var now = _factory.Clock.GetUtcNow();
            await mediator.Publish(new ApplicationSubmitted(garage, season.Id, Guid.NewGuid(), "Garage solidaire", "26", now) { OccurredAt = now });
            await mediator.Publish(new CohortApproved(season.Id, Guid.NewGuid(), [new CohortProject(garage, "Garage solidaire", "26", Guid.NewGuid())]) { OccurredAt = now });
            await mediator.Publish(new MilestoneReached(garage, season.Id, "diagnostic", today) { OccurredAt = now });
            await mediator.Publish(new ApplicationDecided(submitted[2], season.Id, Guid.NewGuid(), "Épicerie itinérante", "26", ApplicationDecision.Shortlisted, null, now) { OccurredAt = now });
            await mediator.Publish(new TrainingAttendanceRecorded(sessions[1], season.Id, now, 7.5m, 1, [new AttendanceLine(tiersLieu, "Chloé", "Present", 7.5m)]) { OccurredAt = now });
        }

        var again = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal(report with
        {
            ComputedAt = again.ComputedAt, ByDepartment = again.ByDepartment, ByProject = again.ByProject, DepartmentsReached = again.DepartmentsReached,
            Outcomes = again.Outcomes, PastCohorts = again.PastCohorts,
        }, again);
        Assert.Empty(again.Outcomes!.Stages); // no questionnaire yet: ImpactTests count them
        Assert.Empty(again.PastCohorts!);
        Assert.Equal(report.ByProject, again.ByProject);
        Assert.Equal(report.ByDepartment, again.ByDepartment);
        Assert.Equal(report.DepartmentsReached, again.DepartmentsReached);

        // The exports, parsed back.
        var csv = await lead.GetAsync($"/api/seasons/{season.Id}/funder-report.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using (var reader = CsvReader.Create(await csv.Content.ReadAsByteArrayAsync()))
        {
            var lines = reader.GetRecords<ReportCsvLine>().ToList();
            Assert.Equal(4m, lines.Single(l => l.Section == "season" && l.Indicator == "applicationsSubmitted").Value);
            Assert.Equal(11m, lines.Single(l => l.Section == "season" && l.Indicator == "trainingHoursDelivered").Value);
            Assert.Equal(2.25m, lines.Single(l => l.Section == "project" && l.Item == "Garage solidaire" && l.Indicator == "coachingHours").Value);
            Assert.Equal(2m, lines.Single(l => l.Section == "department" && l.Item == "26" && l.Indicator == "applicationsSubmitted").Value);
            Assert.Equal([0m, 4m, 3m, 0m, 2m, 2m], lines.Where(l => l.Section == "funnel").Select(l => l.Value));
        }

        var xlsx = await lead.GetAsync($"/api/seasons/{season.Id}/funder-report.xlsx");
        using (var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var summary = workbook.Worksheet(1);
            Assert.Equal("Candidatures déposées", summary.Cell(5, 1).GetString());
            Assert.Equal(4, summary.Cell(5, 2).GetValue<int>());
            Assert.Equal(30000m, summary.Cell(14, 2).GetValue<decimal>());
            var funnel = workbook.Worksheet("Sélection");
            Assert.Equal(("Présélectionnées", 3), (funnel.Cell(4, 1).GetString(), funnel.Cell(4, 2).GetValue<int>()));
            var projects = workbook.Worksheet("Projets");
            Assert.Equal(2, projects.RowsUsed().Count() - 1);
        }

        // Approving freezes the report as sent; the live figures go on.
        var approved = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/funder-report/approve", new { label = "Bilan intermédiaire Région", funderId = region });
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var snapshotId = (await approved.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/funder-report/approve", new { label = "" })).StatusCode);
        await (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreementId}/tranches/1/received", new { receivedOn = today })).EnsureSuccessAsync();
        await (await coach.PostAsJsonAsync($"/api/coaching/projects/{tiersLieu}/sessions", new { date = today, durationMinutes = 60, format = "Phone" })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:coaching");

        var live = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal((3, 30000m), (live.CoachingSessions, live.FundingReceived));
        var frozen = await lead.GetFromJsonAsync<JsonElement>($"/api/funder-reports/{snapshotId}");
        Assert.Equal("Bilan intermédiaire Région", frozen.GetProperty("label").GetString());
        Assert.Equal(2, frozen.GetProperty("report").GetProperty("coachingSessions").GetInt32());
        Assert.Equal(20000m, frozen.GetProperty("report").GetProperty("fundingReceived").GetDecimal());
        Assert.Single((await lead.GetFromJsonAsync<List<JsonElement>>($"/api/seasons/{season.Id}/funder-reports"))!);
    }
}

public sealed class FundingApiTestsOnSqlite(HostFixture fixture) : FundingApiTests(fixture), IClassFixture<HostFixture>;

public sealed class FundingApiTestsOnPostgreSql(PostgreSqlHostFixture fixture) : FundingApiTests(fixture), IClassFixture<PostgreSqlHostFixture>;
