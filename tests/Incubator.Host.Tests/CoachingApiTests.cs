using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public abstract class CoachingApiTests
{
    private readonly IncubatorFactory _factory;

    protected CoachingApiTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Pair(Guid Id, List<Coach> Coaches, List<PairProject> Projects);

    private sealed record Coach(Guid UserId, string DisplayName);

    private sealed record PairProject(Guid ProjectId, string ProjectName, Guid? LeadCoachUserId);

    private sealed record MyProject(Guid ProjectId, string ProjectName, string Health, int MilestonesDone, bool NotSeenForFourWeeks);

    private sealed record Project(Guid ProjectId, Guid? PairId, string Health, List<Milestone> Milestones, List<Session> Sessions, DateOnly? LastSessionOn);

    private sealed record Milestone(string Key, string Status);

    private sealed record Session(Guid Id, int DurationMinutes, string? Notes);

    [Fact]
    public async Task Given_a_pair_formed_and_a_cohort_approved_When_the_events_are_delivered_Then_each_coach_sees_their_pairs_projects_and_logs_a_session()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: null);
        var (coachA, coachAId) = await _factory.UserClientAsync(Roles.Coach);
        var (_, coachBId) = await _factory.UserClientAsync(Roles.Coach);
        var (outsider, outsiderId) = await _factory.UserClientAsync(Roles.Coach);
        var (_, outsiderPartnerId) = await _factory.UserClientAsync(Roles.Coach);

        var formed = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachAId, coachBId } });
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { outsiderId, outsiderPartnerId } })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachAId, outsiderId } })).StatusCode);
        await _factory.RunJobAsync("outbox:coaching");
        Assert.Equal(12, (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Capacity);

        var projects = new List<Guid>();
        foreach (var name in new[] { "Garage solidaire", "Tiers-lieu de Die", "Bien vieillir à Nyons", "Accueil des réfugiés" })
        {
            projects.Add(await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, name));
        }

        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = projects })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:seasons");

        var pairs = (await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{season.Id}/coaching-pairs"))!;
        Assert.Equal([2, 2], pairs.Select(p => p.Projects.Count));
        var mine = (await coachA.GetFromJsonAsync<List<MyProject>>("/api/coaching/projects/mine"))!;
        var ourPair = pairs.Single(p => p.Coaches.Any(c => c.UserId == coachAId));
        Assert.Equal(ourPair.Projects.Select(p => p.ProjectId).Order(), mine.Select(p => p.ProjectId).Order());
        var project = mine[0].ProjectId;
        var theirs = pairs.Single(p => p.Id != ourPair.Id).Projects[0].ProjectId;

        Assert.Equal(HttpStatusCode.NotFound, (await coachA.GetAsync($"/api/coaching/projects/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions",
            new { date = "2026-11-20", durationMinutes = 60, format = "Video" })).StatusCode);

        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        var future = await coachA.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new { date = today.AddDays(2), durationMinutes = 60, format = "Video" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.ProblemAsync()).GetProperty("errors").TryGetProperty("date", out _));
        var tooLong = await coachA.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new { date = today, durationMinutes = 600, format = "Video" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var logged = await coachA.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new
        {
            date = today.AddDays(-1),
            durationMinutes = 90,
            format = "InPerson",
            notes = "Le bail du local est signé.",
            decisions = "Ouvrir en mai",
            nextSteps = "Plan de financement",
            nextMeetingOn = today.AddDays(13),
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await (await coachA.PutAsJsonAsync($"/api/coaching/projects/{project}/milestones/diagnostic", new { status = "Done" })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await coachA.PutAsJsonAsync($"/api/coaching/projects/{project}/milestones/diagnostic", new { status = "Finished" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coachA.PutAsJsonAsync($"/api/coaching/projects/{project}/milestones/party", new { status = "Done" })).StatusCode);

        var detail = await coachA.GetFromJsonAsync<Project>($"/api/coaching/projects/{project}");
        Assert.Equal(today.AddDays(-1), detail!.LastSessionOn);
        Assert.Equal("Le bail du local est signé.", Assert.Single(detail.Sessions).Notes);
        Assert.Equal("Done", detail.Milestones.Single(m => m.Key == "diagnostic").Status);
        Assert.Equal(6, detail.Milestones.Count);
    }

    [Fact]
    public async Task Given_the_projects_applicant_When_reading_its_follow_up_Then_decisions_and_next_steps_but_never_private_notes()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        var (coach, a) = await _factory.UserClientAsync(Roles.Coach);
        var (_, b) = await _factory.UserClientAsync(Roles.Coach);
        var (applicant, applicantId) = await _factory.ApplicantClientAsync();
        var (stranger, _) = await _factory.ApplicantClientAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { a, b } })).EnsureSuccessAsync();
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Conserverie", applicantUserId: applicantId);
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:seasons");
        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        await (await coach.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new
        {
            date = today, durationMinutes = 60, format = "Phone", notes = "Doute sur la motivation de l'associé", decisions = "Déposer les statuts", nextSteps = "Rendez-vous banque",
        })).EnsureSuccessAsync();

        var seen = await applicant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/coaching/projects/{project}");
        var session = seen.GetProperty("sessions")[0];
        Assert.Equal("Déposer les statuts", session.GetProperty("decisions").GetString());
        Assert.Equal("Rendez-vous banque", session.GetProperty("nextSteps").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, session.GetProperty("notes").ValueKind);
        Assert.DoesNotContain("motivation", seen.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/coaching/projects/{project}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new { date = today, durationMinutes = 60, format = "Phone" })).StatusCode);
    }

    [Fact]
    public async Task Given_a_cohort_approval_delivered_twice_When_handled_Then_each_project_joins_once()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        var (_, a) = await _factory.UserClientAsync(Roles.Coach);
        var (_, b) = await _factory.UserClientAsync(Roles.Coach);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { a, b } })).EnsureSuccessAsync();
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Ressourcerie");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();

        await Task.WhenAll(_factory.RunJobAsync("outbox:seasons"), _factory.RunJobAsync("outbox:seasons"));

        var pairs = await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{season.Id}/coaching-pairs");
        Assert.Equal(project, Assert.Single(Assert.Single(pairs!).Projects).ProjectId);
    }

    [Fact]
    public async Task Given_a_lead_When_reassigning_a_project_Then_the_rules_of_six_and_three_hold()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 12);
        var coaches = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            coaches.Add((await _factory.UserClientAsync(Roles.Coach)).Id);
        }

        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[0], coaches[1] } })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[2], coaches[3] } })).EnsureSuccessAsync();
        var projects = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            projects.Add(await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, $"Projet {i}"));
        }

        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = projects })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:seasons");
        var pairs = await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{season.Id}/coaching-pairs");
        var from = pairs!.First(p => p.Projects.Count > 0);
        var to = pairs!.First(p => p.Id != from.Id);
        var moved = from.Projects[0].ProjectId;

        var wrongLead = await lead.PutAsJsonAsync($"/api/coaching/projects/{moved}/assignment", new { pairId = to.Id, leadCoachUserId = from.Coaches[0].UserId });
        Assert.Equal(HttpStatusCode.BadRequest, wrongLead.StatusCode);
        var ok = await lead.PutAsJsonAsync($"/api/coaching/projects/{moved}/assignment", new { pairId = to.Id, leadCoachUserId = to.Coaches[1].UserId });
        await ok.EnsureSuccessAsync();

        var after = await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{season.Id}/coaching-pairs");
        Assert.Contains(after!.Single(p => p.Id == to.Id).Projects, p => p.ProjectId == moved && p.LeadCoachUserId == to.Coaches[1].UserId);
    }
}

public sealed class CoachingApiTestsOnSqlite(HostFixture fixture) : CoachingApiTests(fixture), IClassFixture<HostFixture>;

public sealed class CoachingApiTestsOnPostgreSql(PostgreSqlHostFixture fixture) : CoachingApiTests(fixture), IClassFixture<PostgreSqlHostFixture>;
