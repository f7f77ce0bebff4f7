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
}
