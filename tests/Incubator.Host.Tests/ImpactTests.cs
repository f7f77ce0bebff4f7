using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Funding.Features;
using Incubator.Funding.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Impact.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>Outcomes and impact (issue 26): a season's whole follow-up, run through the API with a clock that moves.</summary>
public abstract class ImpactTests(DatabaseProvider provider)
{
    private const string HolderPassword = "Applicant-Password-1";
    private const string CoachPassword = "Coach-Password-1";
    private const string MemberPassword = "Member-Password-1";

    private sealed record Summary(Guid Id, Guid ProjectId, string ProjectName, string Stage, DateOnly OpensOn, DateOnly AnswerBy, string Status,
        DateTimeOffset? AnsweredAt, string? AnsweredByName, bool FilledByCoach, int Revision);

    private sealed record Question(Guid Id, string Text, string Type);

    private sealed record Questionnaire(Summary Summary, Guid Version, string Viewer, bool CanAnswer, JsonElement Answers, List<Question> Questions);

    private sealed record Setup(IncubatorFactory Factory, SeasonResponse Season, Guid ProjectId, string HolderEmail, string CoachEmail);

    /// <summary>A season whose cohort (one project, followed by a pair) is approved; the program asks one question of its own.</summary>
    private static async Task<Setup> CohortAsync(IncubatorFactory factory)
    {
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(10));
        var (holder, _) = await factory.ApplicantClientAsync();
        var holderEmail = (await holder.GetFromJsonAsync<JsonElement>("/api/users/me")).GetProperty("email").GetString()!;
        var projectId = await holder.SubmitAsync(season.Id, "Épicerie solidaire de Crest");
        var (coachEmail, coachId) = await factory.AccountAsync(lead, Roles.Coach, "Coach Impact", CoachPassword);
        var (_, partnerId) = await factory.AccountAsync(lead, Roles.Coach, "Coach Partenaire", CoachPassword);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachId, partnerId } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{projectId}/decision", new { decision = "select" })).EnsureSuccessAsync();
        await factory.RunJobAsync("outbox:applications");
        await factory.RunJobAsync("outbox:coaching");
        await lead.ApproveCohortAsync(factory, season.Id, [projectId]);
        return new Setup(factory, season, projectId, holderEmail, coachEmail);
    }

    /// <summary>The holder invites a team member, who signs up with the invited address and joins from the mail's link.</summary>
    private static async Task<string> MemberJoinsAsync(IncubatorFactory factory, string holderEmail, Guid projectId)
    {
        var holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        var email = $"membre-{Guid.NewGuid():N}@test.local";
        await (await holder.PostAsJsonAsync($"/api/applications/{projectId}/members", new { name = "Basile Membre", email })).EnsureSuccessAsync();
        await factory.RunJobAsync("outbox:applications");
        var text = (await factory.MailsToAsync(email)).Single().Text;
        var token = text[(text.IndexOf("/projects/join/", StringComparison.Ordinal) + "/projects/join/".Length)..].Split('\n', '\r', ' ')[0].Trim();
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = MemberPassword })).EnsureSuccessStatusCode();
        var member = await factory.ClientForAsync(email, MemberPassword);
        await (await member.PostAsync($"/api/projects/join/{token}", null)).EnsureSuccessAsync();
        return email;
    }

    /// <summary>The clock moves to that day, 09:00 in Paris; the job runs twice (as two instances would) and each outbox delivers twice.</summary>
    private static async Task RunDayAsync(IncubatorFactory factory, DateOnly day)
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        await Task.WhenAll(factory.RunJobAsync("impact:questionnaires"), factory.RunJobAsync("impact:questionnaires"));
        await factory.RunJobAsync("impact:questionnaires");
        foreach (var outbox in new[] { "outbox:impact", "outbox:impact", "outbox:funding" })
        {
            await factory.RunJobAsync(outbox);
        }
    }

    private static async Task<List<string>> SubjectsAsync(IncubatorFactory factory, string to) =>
        (await factory.MailsToAsync(to)).Select(m => m.Subject).Where(s => s.Contains("questionnaire", StringComparison.OrdinalIgnoreCase)).ToList();

    private static async Task<Summary> StageAsync(HttpClient client, string stage) =>
        (await client.GetFromJsonAsync<List<Summary>>("/api/questionnaires/mine"))!.Single(q => q.Stage == stage);

    [Fact]
    public async Task Given_an_approved_cohort_When_the_clock_runs_to_24_months_after_the_end_Then_each_questionnaire_goes_once_on_its_date_and_the_report_counts_the_answers()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (_, season, projectId, holderEmail, coachEmail) = await CohortAsync(factory);
        var lead = await factory.AdminClientAsync();
        var memberEmail = await MemberJoinsAsync(factory, holderEmail, projectId);

        // The program's schedule and its own question; bad settings name their field.
        var badSettings = await lead.PutAsJsonAsync($"/api/programs/{season.ProgramId}/impact-settings", new { followUpMonths = new[] { 0, 12 }, questions = Array.Empty<object>() });
        Assert.True((await badSettings.ProblemAsync()).GetProperty("errors").TryGetProperty("followUpMonths", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PutAsJsonAsync($"/api/programs/{Guid.NewGuid()}/impact-settings", new { followUpMonths = new[] { 6 } })).StatusCode);
        var settings = await lead.PutAsJsonAsync($"/api/programs/{season.ProgramId}/impact-settings", new
        {
            followUpMonths = new[] { 24, 6, 12 },
            questions = new[] { new { text = "Combien de partenaires locaux ?", type = "Number" } },
        });
        await settings.EnsureSuccessAsync();
        var question = (await settings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questions")[0].GetProperty("id").GetGuid();

        // Entry: opened the day of the approval, one mail, however many runs.
        await RunDayAsync(factory, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));
        var holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        var entry = await StageAsync(holder, "entry");
        Assert.Equal("Open", entry.Status);
        Assert.Single(await SubjectsAsync(factory, holderEmail), s => s.StartsWith("Votre questionnaire d'entrée", StringComparison.Ordinal));
        Assert.Single(await SubjectsAsync(factory, memberEmail), s => s.StartsWith("Votre questionnaire d'entrée", StringComparison.Ordinal));

        // Bad answers name each field, and nothing is saved.
        var bad = await holder.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new
        {
            answers = new { jobsFte = -1, skillLegal = 7, salesShare = 60, subsidiesShare = 50, peopleEmployed = 1, permanentContracts = 2, custom = new Dictionary<Guid, string> { [question] = "beaucoup" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "jobsFte", "skillLegal", "donationsShare", "permanentContracts" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var customBad = await holder.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new { answers = new { custom = new Dictionary<Guid, string> { [question] = "beaucoup" } } });
        Assert.True((await customBad.ProblemAsync()).GetProperty("errors").TryGetProperty($"custom.{question}", out _));
        Assert.Equal("Open", (await StageAsync(holder, "entry")).Status);

        await (await holder.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new
        {
            answers = new { activity = "NotYet", skillEconomicModel = 2, skillLegal = 1, skillManagement = 2, skillFunding = 1, skillCooperation = 3, custom = new Dictionary<Guid, string> { [question] = "3" } },
        })).EnsureSuccessAsync();

        // Who sees it: an outsider gets 404, a lead reads (and cannot answer), the pair's coach says they fill it in with the project.
        var (outsider, _) = await factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/questionnaires/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new { answers = new { } })).StatusCode);
        lead = await factory.AdminClientAsync();
        var read = (await lead.GetFromJsonAsync<Questionnaire>($"/api/questionnaires/{entry.Id}"))!;
        Assert.Equal(("Lead", false, "3"), (read.Viewer, read.CanAnswer, read.Answers.GetProperty("custom").GetProperty(question.ToString()).GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new { answers = new { } })).StatusCode);

        // Seven days on, one reminder of nothing: the entry is answered. The season's end opens the exit questionnaire.
        await RunDayAsync(factory, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(8));
        Assert.Single(await SubjectsAsync(factory, holderEmail));
        await RunDayAsync(factory, season.EndsOn);
        var coach = await factory.ClientForAsync(coachEmail, CoachPassword);
        var exit = (await coach.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/questionnaires")).GetProperty("questionnaires")[1].GetProperty("id").GetGuid();
        var exitAnswers = new
        {
            activity = "Launched", launchedOn = season.EndsOn.AddMonths(-2), legalForm = "Scic", jobsFte = 1.5m, peopleEmployed = 2, permanentContracts = 1, volunteers = 4,
            turnoverBand = "From10kTo50k", salesShare = 70, subsidiesShare = 20, donationsShare = 10, peopleReached = 120, communes = "Crest, Aouste-sur-Sye",
            skillEconomicModel = 4, skillLegal = 3, skillManagement = 4, skillFunding = 3, skillCooperation = 5,
        };
        var unsaid = await coach.PutAsJsonAsync($"/api/questionnaires/{exit}/answers", new { answers = exitAnswers });
        Assert.True((await unsaid.ProblemAsync()).GetProperty("errors").TryGetProperty("filledDuringMeeting", out _));
        var byCoach = (await (await coach.PutAsJsonAsync($"/api/questionnaires/{exit}/answers", new { answers = exitAnswers, filledDuringMeeting = true })).Content.ReadFromJsonAsync<Questionnaire>())!;
        Assert.Equal(("Answered", true, "Coach Impact"), (byCoach.Summary.Status, byCoach.Summary.FilledByCoach, byCoach.Summary.AnsweredByName));

        // Six months on: opened, reminded at 7 and 21 days, unanswered at 60; each mail once.
        var end = season.EndsOn;
        foreach (var day in new[] { end.AddMonths(6), end.AddMonths(6).AddDays(8), end.AddMonths(6).AddDays(9), end.AddMonths(6).AddDays(22), end.AddMonths(6).AddDays(61) })
        {
            await RunDayAsync(factory, day);
        }

        holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        Assert.Equal("Unanswered", (await StageAsync(holder, "m6")).Status);
        var subjects = await SubjectsAsync(factory, holderEmail);
        Assert.Single(subjects, s => s.StartsWith("Votre questionnaire de suivi à 6 mois", StringComparison.Ordinal));
        Assert.Single(subjects, s => s.StartsWith("Rappel : questionnaire de suivi à 6 mois", StringComparison.Ordinal));
        Assert.Single(subjects, s => s.StartsWith("Dernier rappel : questionnaire de suivi à 6 mois", StringComparison.Ordinal));

        // Twelve and twenty-four months on: the activity still runs, then it has stopped.
        await RunDayAsync(factory, end.AddMonths(12));
        holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        await (await holder.PutAsJsonAsync($"/api/questionnaires/{(await StageAsync(holder, "m12")).Id}/answers", new
        {
            answers = new { activity = "Launched", legalForm = "Scic", jobsFte = 2.5m, peopleEmployed = 3, permanentContracts = 2, peopleReached = 300 },
        })).EnsureSuccessAsync();
        await RunDayAsync(factory, end.AddMonths(24));
        var member = await factory.ClientForAsync(memberEmail, MemberPassword); // a team member answers the last one
        await (await member.PutAsJsonAsync($"/api/questionnaires/{(await StageAsync(member, "m24")).Id}/answers", new { answers = new { activity = "Stopped" } })).EnsureSuccessAsync();
        await RunDayAsync(factory, end.AddMonths(24).AddDays(1));
        Assert.Equal(5, (await SubjectsAsync(factory, holderEmail)).Count(s => s.StartsWith("Votre questionnaire", StringComparison.Ordinal))); // entry, exit, 6, 12, 24

        // The funder report, its exports, a frozen snapshot and the program's track record.
        lead = await factory.AdminClientAsync();
        var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        var outcomes = report.Outcomes!;
        Assert.Equal(new[] { "entry", "exit", "m6", "m12", "m24" }, outcomes.Stages.Select(s => s.Stage));
        Assert.Equal(new[] { (1, 1), (1, 1), (1, 0), (1, 1), (1, 1) }, outcomes.Stages.Select(s => (s.Opened, s.Answered)));
        var atExit = outcomes.Stages[1];
        Assert.Equal((1, 1.5m, 2, 1, 4, 120), (atExit.ActivitiesLaunched, atExit.JobsFte, atExit.PeopleEmployed, atExit.PermanentContracts, atExit.Volunteers, atExit.PeopleReached));
        Assert.Equal("Scic", Assert.Single(atExit.LegalForms).LegalForm);
        var economicModel = outcomes.Skills.Single(k => k.Skill == "economicModel");
        Assert.Equal((1, 2m, 4m), (economicModel.Projects, economicModel.AtEntry, economicModel.AtExit));
        Assert.Equal(new[] { ("m6", (decimal?)null), ("m12", 1m), ("m24", 0m) }, outcomes.Survival.Select(s => (s.Stage, s.Rate)));

        var csv = await (await lead.GetAsync($"/api/seasons/{season.Id}/funder-report.csv")).Content.ReadAsStringAsync();
        Assert.Matches(@"outcomes,exit,jobsFte,1\.50?\r?\n", csv);
        Assert.Contains("survival,m12,rate,1", csv);
        Assert.Contains("skills,economicModel,atExit,4", csv);
        using (var workbook = new XLWorkbook(await (await lead.GetAsync($"/api/seasons/{season.Id}/funder-report.xlsx")).Content.ReadAsStreamAsync()))
        {
            var sheet = workbook.Worksheet("Impact");
            Assert.Equal("Sortie", sheet.Cell(1, 3).GetString());
            Assert.Equal(1.5, sheet.Cell(7, 3).GetDouble());
        }

        var approved = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/funder-report/approve", new { label = "Bilan final" });
        await approved.EnsureSuccessAsync();
        var snapshot = (await approved.Content.ReadFromJsonAsync<SnapshotDto>())!;
        Assert.Equal(1.5m, snapshot.Report.Outcomes!.Stages[1].JobsFte);
        var record = (await lead.GetFromJsonAsync<TrackRecordDto>($"/api/programs/{season.ProgramId}/track-record"))!;
        Assert.Equal((season.Id, 1, 5), (Assert.Single(record.Cohorts).SeasonId, record.Cohorts[0].ProjectsAccompanied, record.Cohorts[0].Outcomes.Stages.Count));

        // The season's follow-up for the lead, and the holder's data export.
        var followUp = await lead.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/questionnaires");
        Assert.Equal(5, followUp.GetProperty("projects")[0].GetProperty("questionnaires").GetArrayLength());
        holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        var export = await holder.GetFromJsonAsync<JsonElement>("/api/users/me/data");
        Assert.Equal(5, export.GetProperty("impactQuestionnaires").GetArrayLength());

        // The report's copy loses the exit questionnaire: the consistency check finds it, and its repair brings it back.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var funding = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            funding.Questionnaires.RemoveRange(funding.Questionnaires.Where(q => q.SeasonId == season.Id && q.Stage == "exit"));
            await funding.SaveChangesAsync();
        }

        var found = await lead.GetFromJsonAsync<JsonElement>("/api/consistency");
        Assert.Contains(found.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "funding.questionnaires");
        await (await lead.PostAsync("/api/consistency/repair", null)).EnsureSuccessAsync();
        await factory.RunJobAsync("outbox:impact");
        await factory.RunJobAsync("outbox:funding");
        var after = await lead.GetFromJsonAsync<JsonElement>("/api/consistency");
        Assert.DoesNotContain(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString()!.StartsWith("funding.questionnaires", StringComparison.Ordinal));
        var repaired = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal(1.5m, repaired.Outcomes!.Stages[1].JobsFte);

        // The holder erases their account: the answers stay with the project, their name leaves them.
        var erased = await holder.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = HolderPassword }) });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var left = (await lead.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/questionnaires")).GetProperty("questionnaires").EnumerateArray().ToList();
        Assert.Equal(5, left.Count);
        var names = left.ToDictionary(q => q.GetProperty("stage").GetString()!, q => q.GetProperty("answeredByName").GetString());
        Assert.Equal(("—", "Coach Impact", "—"), (names["entry"], names["exit"], names["m12"]));
        Assert.NotEqual("—", names["m24"]); // the member's name stays on their answer
    }

    [Fact]
    public async Task Given_a_questionnaire_at_its_sixtieth_day_When_the_job_is_held_between_reading_it_unanswered_and_closing_it_while_the_holder_answers_Then_the_answer_stands_and_nothing_says_unanswered()
    {
        var holds = new Holds();
        using var factory = new IncubatorFactory(provider: provider, configure: s => s.AddSingleton<IInterceptor>(holds));
        var (_, season, _, holderEmail, _) = await CohortAsync(factory);
        await RunDayAsync(factory, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));
        var entry = await StageAsync(await factory.ClientForAsync(holderEmail, HolderPassword), "entry");
        factory.Clock.Advance(TimeSpan.FromDays(60));

        // The job reads the questionnaire as unanswered and waits while the holder answers.
        var hold = holds.Arm(Hold.AfterReading<ImpactDbContext>("Questionnaires", entry.Id));
        var job = factory.RunJobAsync("impact:questionnaires");
        await hold.Reached;
        var holder = await factory.ClientForAsync(holderEmail, HolderPassword);
        await (await holder.PutAsJsonAsync($"/api/questionnaires/{entry.Id}/answers", new { answers = new { activity = "NotYet", skillLegal = 2 } })).EnsureSuccessAsync();
        hold.Release();
        await job;

        await factory.RunJobAsync("impact:questionnaires"); // the next run finds it answered
        await factory.RunJobAsync("outbox:impact");
        await factory.RunJobAsync("outbox:funding");
        Assert.Equal(("Answered", 1), ((await StageAsync(holder, "entry")).Status, (await StageAsync(holder, "entry")).Revision));
        var lead = await factory.AdminClientAsync();
        var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal((1, 1), (report.Outcomes!.Stages[0].Opened, report.Outcomes.Stages[0].Answered));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactDbContext>();
        Assert.DoesNotContain(db.OutboxMessages.AsEnumerable(), m => m.Type.Contains("QuestionnaireClosedUnanswered", StringComparison.Ordinal));
    }
}

public sealed class ImpactTestsOnSqlite() : ImpactTests(DatabaseProvider.Sqlite);

public sealed class ImpactTestsOnPostgreSql() : ImpactTests(DatabaseProvider.PostgreSql);
