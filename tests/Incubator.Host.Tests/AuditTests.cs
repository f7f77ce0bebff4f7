using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public abstract class AuditTests
{
    private readonly IncubatorFactory _factory;

    protected AuditTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Entry(DateTimeOffset At, Guid? ActorUserId, string? ActorName, string Action, Guid SubjectId, string Subject, string? Details);

    private sealed record Log(List<Entry> Items, int Page, int PageSize, int Total);

    private sealed record PairResponse(Guid Id, List<CoachResponse> Coaches, List<PairProjectResponse> Projects);

    private sealed record CoachResponse(Guid UserId);

    private sealed record PairProjectResponse(Guid ProjectId);

    [Fact]
    public async Task Given_the_sensitive_actions_of_a_season_When_their_events_are_delivered_twice_Then_the_log_shows_each_once_with_who_did_it_to_leads_only()
    {
        var admin = await _factory.AdminClientAsync();
        var (lead, leadId) = await _factory.UserClientAsync(Roles.ProgramLead);
        var (_, coachA) = await _factory.UserClientAsync(Roles.Coach);
        var (_, coachB) = await _factory.UserClientAsync(Roles.Coach);
        var (_, coachC) = await _factory.UserClientAsync(Roles.Coach);
        var (_, coachD) = await _factory.UserClientAsync(Roles.Coach);
        var season = await _factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20));
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var application = await applicant.SubmitAsync(season.Id, "Épicerie itinérante");
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachA, coachB } })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachC, coachD } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{application}/decision", new { decision = "select" })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:applications");
        await lead.ApproveCohortAsync(_factory, season.Id, [application]);
        await _factory.RunJobAsync("outbox:coaching");
        var pairs = (await lead.GetFromJsonAsync<List<PairResponse>>($"/api/seasons/{season.Id}/coaching-pairs"))!;
        var project = pairs.Single(p => p.Projects.Count == 1).Projects[0].ProjectId;
        var other = pairs.Single(p => p.Projects.Count == 0);
        await (await lead.PutAsJsonAsync($"/api/coaching/projects/{project}/assignment", new { pairId = other.Id, leadCoachUserId = other.Coaches[0].UserId })).EnsureSuccessAsync();
        var funder = await lead.PostAsJsonAsync("/api/funders", new { name = "Département de la Drôme", kind = "Department" });
        var agreement = await lead.PostAsJsonAsync("/api/funding-agreements", new
        {
            funderId = (await funder.Content.ReadFromJsonAsync<IdResponse>())!.Id,
            seasonId = season.Id,
            amount = 12000m,
            signedOn = "2026-11-02",
            reference = "CD26-2026-117",
            tranches = new[] { new { amount = 12000m, dueOn = "2026-11-20" } },
        });
        var agreementId = (await agreement.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreementId}/tranches/0/received", new { receivedOn = "2026-11-24" })).EnsureSuccessAsync();

        foreach (var module in new[] { "applications", "seasons", "coaching", "funding", "applications", "seasons", "coaching", "funding" })
        {
            await _factory.RunJobAsync($"outbox:{module}");
        }

        var log = (await admin.GetFromJsonAsync<Log>("/api/audit"))!;
        Entry Single(string action, Guid subject) => Assert.Single(log.Items, e => e.Action == action && e.SubjectId == subject);
        var decided = Single("application.decided", application);
        Assert.Equal(("Épicerie itinérante", "Selected", leadId), (decided.Subject, decided.Details, decided.ActorUserId!.Value));
        Assert.Equal("ProgramLead test", decided.ActorName);
        Assert.Equal(leadId, Single("cohort.approved", season.Id).ActorUserId);
        Assert.Contains(other.Id.ToString(), Single("coaching.reassigned", project).Details, StringComparison.Ordinal);
        var tranche = Single("tranche.received", agreementId);
        Assert.Equal(("CD26-2026-117", "#1: 12000.00 EUR, 2026-11-24"), (tranche.Subject, tranche.Details));
        var given = Single("role.given", coachA);
        Assert.Equal(("Coach", "Administrateur"), (given.Details, given.ActorName));
        Assert.True(log.Items.Zip(log.Items.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");

        var onlyCohorts = (await lead.GetFromJsonAsync<Log>("/api/audit?kind=cohort.approved"))!;
        Assert.All(onlyCohorts.Items, e => Assert.Equal("cohort.approved", e.Action));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/audit")).StatusCode);
        var (coach, _) = await _factory.UserClientAsync(Roles.Coach);
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync("/api/audit")).StatusCode);

        var pages = new PageClient(_factory, "en-GB");
        await pages.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var (status, html) = await pages.GetAsync("/audit?kind=tranche.received");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tranche received", html, StringComparison.Ordinal);
        Assert.True(html.Contains("CD26-2026-117", StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("Épicerie itinérante", html, StringComparison.Ordinal);
    }
}

public sealed class AuditTestsOnSqlite(HostFixture fixture) : AuditTests(fixture), IClassFixture<HostFixture>;

public sealed class AuditTestsOnPostgreSql(PostgreSqlHostFixture fixture) : AuditTests(fixture), IClassFixture<PostgreSqlHostFixture>;
