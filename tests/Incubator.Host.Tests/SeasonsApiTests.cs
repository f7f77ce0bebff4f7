using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public abstract class SeasonsApiTests
{
    private readonly IncubatorFactory _factory;

    protected SeasonsApiTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private DateTimeOffset Now => _factory.Clock.GetUtcNow();

    [Fact]
    public async Task Given_a_lead_When_creating_a_season_Then_201_with_location_draft_and_a_fifteen_month_default()
    {
        var lead = await _factory.AdminClientAsync();
        var programId = await lead.CreateProgramAsync();

        var response = await lead.PostAsJsonAsync("/api/seasons", new
        {
            programId,
            name = "Saison 2027",
            startsOn = "2027-03-01",
            applicationsOpenAt = "2026-12-01T09:00:00+01:00",
            applicationsCloseAt = "2027-01-31T23:59:59+01:00",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var season = await response.Content.ReadFromJsonAsync<SeasonResponse>();
        Assert.Equal("Draft", season!.Status);
        Assert.Equal(new DateOnly(2028, 6, 1), season.EndsOn);
        Assert.Equal($"/api/seasons/{season.Id}", response.Headers.Location!.AbsolutePath);
        var fetched = await lead.GetFromJsonAsync<SeasonResponse>(response.Headers.Location);
        Assert.Equal(season.ApplicationsCloseAt, fetched!.ApplicationsCloseAt);
    }

    [Fact]
    public async Task Given_a_draft_When_anyone_lists_seasons_Then_only_leads_see_it_until_its_call_opens()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.CreateSeasonAsync(Now.AddDays(1), Now.AddDays(40));
        var anonymous = _factory.CreateClient();

        Assert.DoesNotContain(await anonymous.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons") ?? [], s => s.Id == season.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/seasons/{season.Id}")).StatusCode);
        Assert.Contains(await lead.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons") ?? [], s => s.Id == season.Id);

        var opened = await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null);

        await opened.EnsureSuccessAsync();
        Assert.Equal("ApplicationsOpen", (await opened.Content.ReadFromJsonAsync<SeasonResponse>())!.Status);
        Assert.Contains(await anonymous.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons") ?? [], s => s.Id == season.Id);
    }

    [Fact]
    public async Task Given_an_open_call_When_opening_again_or_after_its_close_Then_409_problem()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.CreateSeasonAsync(Now.AddDays(-10), Now.AddDays(-1));

        var late = await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(409, (await late.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Given_an_open_call_When_a_lead_closes_it_Then_selection_and_the_window_ends_now()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.CreateSeasonAsync(Now.AddDays(-1), Now.AddDays(30));
        await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null);

        var closed = await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await closed.Content.ReadFromJsonAsync<SeasonResponse>();
        Assert.Equal("Selection", body!.Status);
        Assert.Equal(Now, body.ApplicationsCloseAt);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).StatusCode);
    }

    [Fact]
    public async Task Given_missing_and_unknown_fields_When_creating_a_season_Then_400_names_each_field_and_nothing_is_saved()
    {
        var lead = await _factory.AdminClientAsync();
        var before = (await lead.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!.Count;

        var missing = await lead.PostAsJsonAsync("/api/seasons", new { name = "" });
        var unknown = await lead.PostAsJsonAsync("/api/seasons", new { name = "S", surprise = 1 });
        var wrongType = await lead.PostAsJsonAsync("/api/seasons", new { name = "S", capacity = "many" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "programId", "name", "startsOn", "applicationsOpenAt", "applicationsCloseAt" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(before, (await lead.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!.Count);
    }

    [Fact]
    public async Task Given_a_call_closing_before_it_opens_When_creating_Then_400_on_applicationsCloseAt()
    {
        var lead = await _factory.AdminClientAsync();
        var programId = await lead.CreateProgramAsync();

        var response = await lead.PostAsJsonAsync("/api/seasons", new
        {
            programId,
            name = "S",
            startsOn = "2027-03-01",
            applicationsOpenAt = "2027-01-31T00:00:00Z",
            applicationsCloseAt = "2026-12-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("applicationsCloseAt", out _));
    }

    [Fact]
    public async Task Given_an_anonymous_caller_or_an_applicant_When_creating_a_program_Then_401_and_403()
    {
        var anonymous = _factory.CreateClient();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var body = new { name = "P", territory = "T", partnerStructures = Array.Empty<string>() };

        var unauthenticated = await anonymous.PostAsJsonAsync("/api/programs", body);
        var forbidden = await applicant.PostAsJsonAsync("/api/programs", body);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Given_time_passing_When_the_lifecycle_sweep_runs_Then_the_call_closes_and_the_season_starts_on_its_date()
    {
        using var factory = new IncubatorFactory(provider: _factory.Provider); // its own clock, moved forward
        var lead = await factory.AdminClientAsync();
        var now = factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(2));
        await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null);

        factory.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        await factory.RunJobAsync("seasons:lifecycle");
        Assert.Equal("ApplicationsOpen", (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Status);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await factory.RunJobAsync("seasons:lifecycle");
        Assert.Equal("Selection", (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Status);

        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await factory.RunJobAsync("seasons:lifecycle");
        await factory.RunJobAsync("seasons:lifecycle");
        Assert.Equal("Running", (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Status);
    }

    [Fact]
    public async Task Given_decided_applications_When_proposing_and_approving_Then_only_eligible_ones_within_capacity_enter()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 2);
        var shortlisted = await _factory.DecideAsync(season.Id, ApplicationDecision.Shortlisted, "Tiers-lieu de Die");
        var selected = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire", "07");
        var rejected = await _factory.DecideAsync(season.Id, ApplicationDecision.Rejected);
        var third = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Bien vieillir");

        var notEligible = await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { shortlisted, rejected } });
        var overCapacity = await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { shortlisted, selected, third } });
        var proposed = await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { shortlisted, selected } });

        Assert.Equal(HttpStatusCode.BadRequest, notEligible.StatusCode);
        Assert.True((await notEligible.ProblemAsync()).GetProperty("errors").TryGetProperty("applicationIds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, overCapacity.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal("Proposed", (await proposed.Content.ReadFromJsonAsync<CohortResponse>())!.Status);

        var approved = await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var cohort = await lead.GetFromJsonAsync<CohortResponse>($"/api/seasons/{season.Id}/cohort");
        Assert.Equal("Approved", cohort!.Status);
        Assert.Equal(["Garage solidaire", "Tiers-lieu de Die"], cohort.Members.Select(m => m.ProjectName).Order());
        Assert.NotNull(cohort.ApprovedAt);

        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { third } })).StatusCode);
    }

    [Fact]
    public async Task Given_two_leads_approving_at_the_same_time_When_both_answer_Then_one_200_and_the_others_409()
    {
        var lead = await _factory.AdminClientAsync();
        var (otherLead, _) = await _factory.UserClientAsync(Roles.ProgramLead);
        var season = await lead.SeasonInSelectionAsync(_factory);
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected);
        (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessStatusCode();

        var clients = new[] { lead, otherLead, lead, otherLead, lead, otherLead };
        using var start = new ManualResetEventSlim();
        var approvals = clients.Select(c => Task.Run(() =>
        {
            start.Wait();
            return c.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(approvals);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Given_coaching_pairs_formed_When_no_capacity_is_set_Then_the_season_capacity_is_six_per_pair()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.CreateSeasonAsync(Now.AddDays(1), Now.AddDays(30), capacity: null);
        Assert.Null(season.Capacity);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>()
                .Publish(new Incubator.Coaching.Contracts.CoachingCapacityChanged(season.Id, 2) { OccurredAt = Now });
        }

        Assert.Equal(12, (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Capacity);
    }
}

public sealed class SeasonsApiTestsOnSqlite(HostFixture fixture) : SeasonsApiTests(fixture), IClassFixture<HostFixture>;

public sealed class SeasonsApiTestsOnPostgreSql(PostgreSqlHostFixture fixture) : SeasonsApiTests(fixture), IClassFixture<PostgreSqlHostFixture>;
