using System.Net.Http.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Incubator.Host.Tests;

/// <summary>
/// Issue 23's scenario as a new user met it, on the real host as a process (Kestrel, Hangfire's server delivering the
/// outboxes on its own schedule) and a fresh data folder or database each round: a lead approves a cohort of seven and,
/// right after, plans a monthly series of three training days and one more day. Every session must hold the seven
/// projects within 20 seconds. One round per provider in the test run; <c>INCUBATOR_SCENARIO_ROUNDS=20</c> for more.
/// </summary>
public abstract class CohortPlanningScenarioTests(ITestOutputHelper output, DatabaseProvider provider)
{
    private sealed record Candidate(Guid ApplicationId);

    private sealed record Summary(Guid Id, int EnrolledProjects);

    private const string Password = "Applicant-Password-1";

    [Fact]
    public async Task Given_a_cohort_approved_then_sessions_planned_at_once_on_a_fresh_host_Then_every_session_holds_the_cohort()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("INCUBATOR_SCENARIO_ROUNDS"), out var n) ? n : 1;
        var failures = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            var data = Path.Combine(Path.GetTempPath(), "incubator-tests", "scenario-" + Guid.NewGuid().ToString("N"));
            using var host = await HostProcess.StartAsync(data, TestDatabase.Settings(provider, data));
            var enrolled = await PlayAsync(host);
            output.WriteLine($"round {round}: sessions hold {string.Join(", ", enrolled)} of 7 projects");
            if (enrolled.Count != 4 || enrolled.Any(e => e != 7))
            {
                failures.Add($"round {round}: {string.Join(", ", enrolled)}");
            }
        }

        Assert.Empty(failures);
    }

    /// <returns>The projects enrolled in each session, once all hold seven or 20 seconds have passed.</returns>
    private static async Task<List<int>> PlayAsync(HostProcess host)
    {
        var lead = await host.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var now = DateTimeOffset.UtcNow;
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(30), capacity: 7);
        await (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessAsync();
        var applications = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var email = $"porteur{i}-{Guid.NewGuid():N}@test.local";
            await host.RegisterAsync(email, Password);
            applications.Add(await (await host.SignInAsync(email, Password)).SubmitAsync(season.Id, $"Projet {i + 1}"));
        }

        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        foreach (var application in applications)
        {
            await (await lead.PostAsJsonAsync($"/api/applications/{application}/decision", new { decision = "select" })).EnsureSuccessAsync();
        }

        await Eventually.AssertAsync(
            async () => (await lead.GetFromJsonAsync<List<Candidate>>($"/api/seasons/{season.Id}/cohort/candidates"))!.Count == 7,
            TimeSpan.FromSeconds(30), "the seven decisions reach the Seasons module");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = applications })).EnsureSuccessAsync();

        // The approval, then at once the planning, as the lead did.
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", TrainingsApiTests.Series(count: 3))).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", new
        {
            title = "Journée des porteurs",
            startsAt = "2027-06-10T09:30:00+02:00",
            endsAt = "2027-06-10T17:00:00+02:00",
            capacity = 12,
            mode = "InPerson",
            venue = new { name = "La Cordonnerie", address = "2 rue des Alpes", town = "Romans-sur-Isère" },
        })).EnsureSuccessAsync();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<int> enrolled;
        do
        {
            await Task.Delay(500);
            enrolled = (await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{season.Id}/trainings"))!.Select(s => s.EnrolledProjects).ToList();
        }
        while (DateTime.UtcNow < deadline && enrolled.Any(e => e != 7));

        return enrolled;
    }
}

public sealed class CohortPlanningScenarioTestsOnSqlite(ITestOutputHelper output) : CohortPlanningScenarioTests(output, DatabaseProvider.Sqlite);

public sealed class CohortPlanningScenarioTestsOnPostgreSql(ITestOutputHelper output) : CohortPlanningScenarioTests(output, DatabaseProvider.PostgreSql);
