using System.Net.Http.Json;
using System.Text.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Incubator.Funding.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>
/// The consistency check (ADR 0020) on a healthy season finds nothing; then each kind of difference is planted in the
/// databases behind the modules' backs, and each is reported in words, the repairable ones repaired by the repair run.
/// </summary>
public abstract class ConsistencyCheckTests(DatabaseProvider provider)
{
    private sealed record Report(bool Repair, List<Finding> Findings);

    private sealed record Finding(string Module, string Kind, string Text, bool Repaired);

    private sealed record Summary(Guid Id, string Title, int EnrolledProjects);

    private sealed record Pair(Guid Id, List<PairProject> Projects);

    private sealed record PairProject(Guid ProjectId);

    [Fact]
    public async Task Given_a_healthy_season_Then_nothing_is_found_and_Given_each_kind_of_difference_planted_Then_each_is_reported_and_the_repairable_ones_repaired()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var lead = await factory.AdminClientAsync();

        // A season lived as usual: applications submitted, a cohort of three approved, two sessions, one pair.
        var open = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(10));
        for (var i = 0; i < 2; i++)
        {
            var (applicant, _) = await factory.ApplicantClientAsync();
            await applicant.SubmitAsync(open.Id, $"Dépôt {i + 1}");
        }

        await factory.RunJobAsync("outbox:applications");
        var season = await lead.SeasonInSelectionAsync(factory, capacity: 6);
        var (_, coachA) = await factory.UserClientAsync(Roles.Coach);
        var (_, coachB) = await factory.UserClientAsync(Roles.Coach);
        var (_, coachC) = await factory.UserClientAsync(Roles.Coach);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachA, coachB } })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", TrainingsApiTests.Series(count: 2))).EnsureSuccessAsync();
        var garage = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire");
        var tiersLieu = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Tiers-lieu de Die");
        var ressourcerie = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Ressourcerie de Crest");
        await lead.ApproveCohortAsync(factory, season.Id, [garage, tiersLieu, ressourcerie]);
        foreach (var module in new[] { "applications", "seasons", "coaching", "trainings", "funding" })
        {
            await factory.RunJobAsync($"outbox:{module}");
        }

        Assert.Empty((await CheckAsync(lead)).Findings);

        // Planted behind the modules' backs.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var trainings = scope.ServiceProvider.GetRequiredService<TrainingsDbContext>();
            var first = await trainings.Sessions.Where(s => s.SeasonId == season.Id).OrderBy(s => s.StartsAt).FirstAsync();
            trainings.ChangeTracker.Entries<Enrolment>().Single(e => e.Entity.ProjectId == garage).State = EntityState.Deleted;
            await trainings.SaveChangesAsync();
            await trainings.CohortMembers.Where(m => m.ProjectId == tiersLieu).ExecuteDeleteAsync();

            var coaching = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            await coaching.Projects.Where(p => p.ProjectId == ressourcerie)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PairId, (Guid?)null).SetProperty(p => p.LeadCoachUserId, (Guid?)null));
            coaching.Pairs.Add(CoachingPair.Form(season.Id, coachA, coachC, factory.Clock.GetUtcNow()));
            var stuck = new OutboxMessage(Guid.NewGuid(), "Incubator.Coaching.Contracts.Lost, Incubator.Coaching.Contracts", "{}", factory.Clock.GetUtcNow());
            for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
            {
                stuck.MarkFailed(factory.Clock.GetUtcNow(), "le destinataire refuse ce message");
            }

            coaching.OutboxMessages.Add(stuck);
            await coaching.SaveChangesAsync();

            var funding = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            await funding.Applications.Where(a => a.SeasonId == open.Id).Take(1).ExecuteDeleteAsync();
        }

        var found = await CheckAsync(lead);

        string Of(string kind) => string.Join(" | ", found.Findings.Where(f => f.Kind == kind).Select(f => f.Text));
        Assert.Contains("Garage solidaire", Of("trainings.not-enrolled"), StringComparison.Ordinal);
        Assert.Contains("Tiers-lieu de Die", Of("trainings.cohort-member-missing"), StringComparison.Ordinal);
        Assert.Contains("Ressourcerie de Crest", Of("coaching.without-pair"), StringComparison.Ordinal);
        Assert.Contains(coachA.ToString(), Of("coaching.coach-in-two-pairs"), StringComparison.Ordinal);
        Assert.Contains("le destinataire refuse ce message", Of("outbox.given-up"), StringComparison.Ordinal);
        Assert.Contains("1", Of("funding.applications-received"), StringComparison.Ordinal);
        Assert.All(found.Findings, f => Assert.False(f.Repaired));

        // Repaired: what can be replayed is; the rest waits for a person.
        var repaired = (await (await lead.PostAsync("/api/consistency/repair", null)).Content.ReadFromJsonAsync<Report>())!;
        Assert.All(repaired.Findings.Where(f => f.Kind is "coaching.coach-in-two-pairs" or "outbox.given-up"), f => Assert.False(f.Repaired));
        Assert.All(repaired.Findings.Where(f => f.Kind is not ("coaching.coach-in-two-pairs" or "outbox.given-up")), f => Assert.True(f.Repaired, f.Text));
        await factory.RunJobAsync("outbox:applications"); // the republished submissions reach the report

        var after = await CheckAsync(lead);
        Assert.Equal(["coaching.coach-in-two-pairs", "outbox.given-up"], after.Findings.Select(f => f.Kind).Order());
        var sessions = (await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{season.Id}/trainings"))!;
        Assert.All(sessions, s => Assert.Equal(3, s.EnrolledProjects));
        var pairs = (await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{season.Id}/coaching-pairs"))!;
        Assert.Contains(pairs, p => p.Projects.Any(x => x.ProjectId == ressourcerie));
        var report = await lead.GetFromJsonAsync<JsonElement>($"/api/seasons/{open.Id}/funder-report");
        Assert.Equal(2, report.GetProperty("applicationsReceived").GetInt32());

        // The page shows the last report in words.
        var page = await lead.GetStringAsync("/consistency");
        Assert.Contains("le destinataire refuse ce message", page, StringComparison.Ordinal);
    }

    private static async Task<Report> CheckAsync(HttpClient lead) => (await lead.GetFromJsonAsync<Report>("/api/consistency"))!;
}

public sealed class ConsistencyCheckTestsOnSqlite() : ConsistencyCheckTests(DatabaseProvider.Sqlite);

public sealed class ConsistencyCheckTestsOnPostgreSql() : ConsistencyCheckTests(DatabaseProvider.PostgreSql);
