using System.Net;
using System.Net.Http.Json;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class SeasonsPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public SeasonsPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_the_bootstrap_admin_When_creating_a_program_and_a_season_in_French_and_opening_its_call_Then_the_call_is_public()
    {
        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);

        var program = await lead.SubmitAsync("/seasons/programs/new", "/seasons/programs/new", new Dictionary<string, string>
        {
            ["Name"] = "Accompagnement Drôme-Ardèche",
            ["Territory"] = "Drôme, Ardèche",
            ["PartnerStructures"] = "Incubateur\nCAE",
        });
        Assert.Equal(HttpStatusCode.Redirect, program.StatusCode);
        var programUrl = program.Headers.Location!.OriginalString;
        var (_, programHtml) = await lead.GetAsync(programUrl);
        Assert.Contains("Accompagnement Drôme-Ardèche", programHtml, StringComparison.Ordinal);
        Assert.Contains("Le programme « Accompagnement Drôme-Ardèche » est créé", programHtml, StringComparison.Ordinal);

        var programId = programUrl.Split('/').Last();
        var season = await lead.SubmitAsync($"/seasons/new?programId={programId}", "/seasons/new", new Dictionary<string, string>
        {
            ["ProgramId"] = programId,
            ["Name"] = "Saison 2027",
            ["ApplicationsOpenAt"] = "2026-11-20T09:00",
            ["ApplicationsCloseAt"] = "2027-01-31T23:59",
            ["StartsOn"] = "2027-03-01",
            ["Capacity"] = "6",
        });
        Assert.Equal(HttpStatusCode.Redirect, season.StatusCode);
        var seasonUrl = season.Headers.Location!.OriginalString;
        var (_, draft) = await lead.GetAsync(seasonUrl);
        Assert.Contains("Brouillon", draft, StringComparison.Ordinal);
        Assert.Contains("1 juin 2028", draft, StringComparison.Ordinal); // 15 months by default

        var opened = await lead.SubmitAsync(seasonUrl, seasonUrl + "/open", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var visitor = new PageClient(_factory);
        var (status, calls) = await visitor.GetAsync("/seasons");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"fr\">", calls, StringComparison.Ordinal);
        Assert.Contains("Appels ouverts", calls, StringComparison.Ordinal);
        Assert.Contains("Saison 2027", calls, StringComparison.Ordinal);
        Assert.Contains("31/01/2027 23:59", calls, StringComparison.Ordinal);
        var api = await _factory.CreateClient().GetFromJsonAsync<List<SeasonResponse>>("/api/seasons");
        Assert.Contains(api!, s => s.Name == "Saison 2027" && s.Status == "ApplicationsOpen"
            && s.ApplicationsCloseAt == new DateTimeOffset(2027, 1, 31, 22, 59, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Given_a_season_form_with_a_call_closing_before_it_opens_When_saving_Then_the_error_is_next_to_the_field_and_nothing_is_saved()
    {
        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var admin = await _factory.AdminClientAsync();
        var programId = await admin.CreateProgramAsync();
        var before = (await admin.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!.Count;

        var response = await lead.SubmitAsync($"/seasons/new?programId={programId}", "/seasons/new", new Dictionary<string, string>
        {
            ["ProgramId"] = programId.ToString(),
            ["Name"] = "Saison à l'envers",
            ["ApplicationsOpenAt"] = "2027-01-31T09:00",
            ["ApplicationsCloseAt"] = "2026-12-01T09:00",
            ["StartsOn"] = "2027-03-01",
            ["Capacity"] = "abc",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageClient.TextAsync(response);
        Assert.Contains("id=\"Capacity-error\"", html, StringComparison.Ordinal);
        Assert.Contains("« abc » n'est pas valide", html, StringComparison.Ordinal);
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!.Count);

        var second = await lead.SubmitAsync($"/seasons/new?programId={programId}", "/seasons/new", new Dictionary<string, string>
        {
            ["ProgramId"] = programId.ToString(),
            ["Name"] = "Saison à l'envers",
            ["ApplicationsOpenAt"] = "2027-01-31T09:00",
            ["ApplicationsCloseAt"] = "2026-12-01T09:00",
            ["StartsOn"] = "2027-03-01",
        });
        var secondHtml = await PageClient.TextAsync(second);
        Assert.Contains("id=\"ApplicationsCloseAt-error\">La clôture de l'appel doit suivre son ouverture.", secondHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_English_browser_When_visiting_Then_the_pages_speak_English_and_the_switch_goes_back_to_French()
    {
        var visitor = new PageClient(_factory, "en-GB");

        var (_, html) = await visitor.GetAsync("/seasons");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Open calls", html, StringComparison.Ordinal);

        var switched = await visitor.SubmitAsync("/seasons", "/culture", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/seasons" });
        Assert.Equal("/seasons", switched.Headers.Location!.OriginalString);
        var (_, french) = await visitor.GetAsync("/seasons");
        Assert.Contains("Appels ouverts", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_visitor_When_opening_lead_pages_or_the_jobs_dashboard_Then_sign_in_is_required_and_applicants_are_refused()
    {
        var visitor = new PageClient(_factory);
        var (status, _) = await visitor.GetAsync("/seasons/programs");
        Assert.Equal(HttpStatusCode.Redirect, status);

        var (jobs, _) = await visitor.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, jobs);

        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var (dashboard, _) = await lead.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard);
    }

    [Fact]
    public async Task Given_an_unknown_season_When_opening_its_page_Then_a_404_page_in_French()
    {
        var visitor = new PageClient(_factory);

        var (status, html) = await visitor.GetAsync($"/seasons/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page introuvable", html, StringComparison.Ordinal);
    }
}
