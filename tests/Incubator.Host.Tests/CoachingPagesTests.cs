using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class CoachingPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public CoachingPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private async Task<(string Email, Guid Id)> CoachAsync(HttpClient admin, string name)
    {
        var email = $"coach-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = name, password = "Coach-Password-1", roles = new[] { Roles.Coach } });
        return (email, (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id);
    }

    [Fact]
    public async Task Given_a_pair_formed_on_its_page_and_a_cohort_approved_When_a_coach_logs_a_session_in_the_page_Then_it_shows()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await admin.SeasonInSelectionAsync(_factory, capacity: 6);
        var (emailA, idA) = await CoachAsync(admin, "Claire Accompagnatrice");
        var (_, idB) = await CoachAsync(admin, "Marc Accompagnateur");

        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var pairsUrl = $"/coaching/seasons/{season.Id}/pairs";
        var same = await lead.SubmitAsync(pairsUrl, pairsUrl, new Dictionary<string, string> { ["coachA"] = idA.ToString(), ["coachB"] = idA.ToString() });
        Assert.Contains("deux accompagnateurs différents", await PageClient.TextAsync(same), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync(pairsUrl, pairsUrl, new Dictionary<string, string> { ["coachA"] = idA.ToString(), ["coachB"] = idB.ToString() })).StatusCode);

        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Fablab de Crest");
        await (await admin.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessAsync();
        await (await admin.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:seasons");
        var (_, pairsPage) = await lead.GetAsync(pairsUrl);
        Assert.Contains("Claire Accompagnatrice & Marc Accompagnateur", pairsPage, StringComparison.Ordinal);
        Assert.Contains("Fablab de Crest", pairsPage, StringComparison.Ordinal);

        var coach = new PageClient(_factory);
        await coach.SignInAsync(emailA, "Coach-Password-1");
        var (_, mine) = await coach.GetAsync("/coaching/projects");
        Assert.Contains("Fablab de Crest", mine, StringComparison.Ordinal);
        var projectUrl = $"/coaching/projects/{project}";
        var future = await coach.SubmitAsync(projectUrl, projectUrl + "/sessions", new Dictionary<string, string>
        {
            ["Date"] = "2030-01-01", ["DurationMinutes"] = "60", ["Format"] = "Video",
        });
        Assert.Contains("id=\"Date-error\">Une séance ne peut pas être datée dans le futur.", await PageClient.TextAsync(future), StringComparison.Ordinal);

        var logged = await coach.SubmitAsync(projectUrl, projectUrl + "/sessions", new Dictionary<string, string>
        {
            ["Date"] = "2026-11-24", ["DurationMinutes"] = "75", ["Format"] = "InPerson", ["Decisions"] = "Chercher un local", ["CoachesPresent"] = idA.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var (_, page) = await coach.GetAsync(projectUrl);
        Assert.Contains("Chercher un local", page, StringComparison.Ordinal);
        Assert.Contains("75 min", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_coached_project_When_its_holder_follows_the_link_of_their_home_page_Then_their_coaches_decisions_and_next_steps_show_never_the_pairs_notes()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await admin.SeasonInSelectionAsync(_factory, capacity: 6);
        var (emailA, idA) = await CoachAsync(admin, "Claire Accompagnatrice");
        var (_, idB) = await CoachAsync(admin, "Marc Accompagnateur");
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { idA, idB } })).EnsureSuccessAsync();
        var email = $"porteuse-{Guid.NewGuid():N}@test.local";
        await (await _factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Applicant-Password-1" })).EnsureSuccessAsync();
        var holderId = (await (await _factory.ClientForAsync(email, "Applicant-Password-1")).GetFromJsonAsync<IdResponse>("/api/users/me"))!.Id;
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Épicerie itinérante", applicantUserId: holderId);
        await admin.ApproveCohortAsync(_factory, season.Id, [project]);
        var coach = await _factory.ClientForAsync(emailA, "Coach-Password-1");
        await (await coach.PostAsJsonAsync($"/api/coaching/projects/{project}/sessions", new
        {
            date = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime), durationMinutes = 90, format = "InPerson",
            notes = "L'associé semble hésiter.", decisions = "Tester deux tournées en mars", nextSteps = "Chiffrer le camion", nextMeetingOn = "2027-01-12",
        })).EnsureSuccessAsync();
        await (await coach.PutAsJsonAsync($"/api/coaching/projects/{project}/health", new { health = "NeedsAttention", reason = "Trésorerie tendue, associé hésitant" })).EnsureSuccessAsync();

        var holder = new PageClient(_factory);
        await holder.SignInAsync(email, "Applicant-Password-1");
        var (_, home) = await holder.GetAsync("/");
        Assert.Contains($"href=\"/coaching/mine/{project}\"", home, StringComparison.Ordinal);
        var (status, page) = await holder.GetAsync($"/coaching/mine/{project}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var shown in new[] { "Claire Accompagnatrice", "Marc Accompagnateur", emailA, "Tester deux tournées en mars", "Chiffrer le camion", "12/01/2027" })
        {
            Assert.Contains(shown, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hésit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Trésorerie", page, StringComparison.Ordinal);

        var stranger = new PageClient(_factory);
        var (strangerEmail, _) = await _factory.AccountAsync(admin, Roles.Applicant, "Autre porteur", "Other-Password-1");
        await stranger.SignInAsync(strangerEmail, "Other-Password-1");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/coaching/mine/{project}")).Status);
    }
}
