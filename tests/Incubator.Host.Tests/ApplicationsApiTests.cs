using System.Net;
using System.Net.Http.Json;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public abstract class ApplicationsApiTests
{
    private readonly IncubatorFactory _factory;

    protected ApplicationsApiTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private static object CompleteBody(string department = "26") => ApplicationsApi.CompleteBody(department: department);

    private async Task<SeasonResponse> OpenSeasonAsync(TimeSpan closesIn) =>
        await _factory.OpenSeasonAsync(await _factory.AdminClientAsync(), closesIn);

    [Fact]
    public async Task Given_an_open_call_When_an_applicant_saves_a_draft_and_submits_it_complete_Then_submitted_and_frozen()
    {
        var season = await OpenSeasonAsync(TimeSpan.FromDays(20));
        var (applicant, _) = await _factory.ApplicantClientAsync();

        var created = await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", new { projectName = "Tiers-lieu", team = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.Content.ReadFromJsonAsync<ApplicationResponse>();
        Assert.Equal("Draft", draft!.Status);
        Assert.Contains("summary", draft.MissingAnswers.Keys);

        var incomplete = await applicant.PostAsync($"/api/applications/{draft.Id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "summary", "socialNeed", "commune", "departmentCode", "collectiveDimension", "economicModel", "team" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing answer not named: {field}");
        }

        await (await applicant.PutAsJsonAsync($"/api/applications/{draft.Id}", CompleteBody("2A"))).EnsureSuccessAsync();
        var submitted = await applicant.PostAsync($"/api/applications/{draft.Id}/submit", null);

        await submitted.EnsureSuccessAsync();
        var body = await submitted.Content.ReadFromJsonAsync<ApplicationResponse>();
        Assert.Equal("Submitted", body!.Status);
        Assert.Equal(_factory.Clock.GetUtcNow(), body.SubmittedAt);
        Assert.Equal(HttpStatusCode.Conflict, (await applicant.PutAsJsonAsync($"/api/applications/{draft.Id}", CompleteBody())).StatusCode);
        Assert.Contains(await applicant.GetFromJsonAsync<List<ApplicationResponse>>("/api/applications/mine") ?? [], a => a.Id == draft.Id && a.Status == "Submitted");
    }

    [Theory]
    [InlineData("975")]
    [InlineData("20")]
    [InlineData("2C")]
    [InlineData("100")]
    public async Task Given_a_department_code_that_does_not_exist_When_saving_Then_400_on_departmentCode(string code)
    {
        var season = await OpenSeasonAsync(TimeSpan.FromDays(20));
        var (applicant, _) = await _factory.ApplicantClientAsync();

        var response = await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody(code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("departmentCode", out _));
    }

    [Fact]
    public async Task Given_another_applicants_application_When_reading_editing_or_submitting_it_Then_404()
    {
        var season = await OpenSeasonAsync(TimeSpan.FromDays(20));
        var (owner, _) = await _factory.ApplicantClientAsync();
        var (other, _) = await _factory.ApplicantClientAsync();
        var created = await owner.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody());
        var id = (await created.Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/applications/{id}", CompleteBody())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/applications/{id}/submit", null)).StatusCode);
        Assert.DoesNotContain(await other.GetFromJsonAsync<List<ApplicationResponse>>("/api/applications/mine") ?? [], a => a.Id == id);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/applications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Given_a_window_closing_now_When_submitting_one_second_late_Then_409_even_before_the_sweep_ran()
    {
        using var factory = new IncubatorFactory(provider: _factory.Provider); // its own clock
        var lead = await factory.AdminClientAsync();
        var now = factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddMinutes(10));
        await (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessAsync();
        var (applicant, _) = await factory.ApplicantClientAsync();
        var onTime = (await (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody())).Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;
        var late = (await (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody())).Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;

        factory.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        await (await applicant.PostAsync($"/api/applications/{onTime}/submit", null)).EnsureSuccessAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await applicant.PostAsync($"/api/applications/{late}/submit", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("clos", (await refused.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApplicationsOpen", (await lead.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Status);
    }

    [Fact]
    public async Task Given_a_submitted_application_When_a_lead_shortlists_it_after_the_close_Then_Seasons_learns_it_may_join_the_cohort()
    {
        var season = await OpenSeasonAsync(TimeSpan.FromDays(20));
        var lead = await _factory.AdminClientAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var id = (await (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody())).Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;
        await (await applicant.PostAsync($"/api/applications/{id}/submit", null)).EnsureSuccessAsync();

        var tooEarly = await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "shortlist" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        var (otherApplicant, _) = await _factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApplicant.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "shortlist" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "maybe" })).StatusCode);

        var decided = await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "shortlist", reason = "Projet solide" });
        await decided.EnsureSuccessAsync();
        Assert.Equal("Shortlisted", (await decided.Content.ReadFromJsonAsync<ApplicationResponse>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await applicant.PutAsJsonAsync($"/api/applications/{id}", CompleteBody())).StatusCode);

        await _factory.RunJobAsync("outbox:applications");
        var proposed = await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { id } });

        await proposed.EnsureSuccessAsync();
        var cohort = await proposed.Content.ReadFromJsonAsync<CohortResponse>();
        Assert.Equal("Garage solidaire du Diois", Assert.Single(cohort!.Members).ProjectName);
    }

    [Fact]
    public async Task Given_a_submitted_application_When_the_applicant_withdraws_it_Then_withdrawn_and_no_longer_decidable()
    {
        var season = await OpenSeasonAsync(TimeSpan.FromDays(20));
        var lead = await _factory.AdminClientAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var id = (await (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", CompleteBody())).Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;
        await (await applicant.PostAsync($"/api/applications/{id}/submit", null)).EnsureSuccessAsync();

        var withdrawn = await applicant.PostAsync($"/api/applications/{id}/withdraw", null);

        await withdrawn.EnsureSuccessAsync();
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<ApplicationResponse>())!.Status);
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "select" })).StatusCode);
    }
}

public sealed class ApplicationsApiTestsOnSqlite(HostFixture fixture) : ApplicationsApiTests(fixture), IClassFixture<HostFixture>;

public sealed class ApplicationsApiTestsOnPostgreSql(PostgreSqlHostFixture fixture) : ApplicationsApiTests(fixture), IClassFixture<PostgreSqlHostFixture>;
