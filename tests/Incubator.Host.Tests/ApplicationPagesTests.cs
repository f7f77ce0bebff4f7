using System.Net;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class ApplicationPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public ApplicationPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private static Dictionary<string, string> Complete(Guid seasonId) => new()
    {
        ["SeasonId"] = seasonId.ToString(),
        ["ProjectName"] = "Ressourcerie du Vercors",
        ["Summary"] = "Collecter, réparer et revendre.",
        ["SocialNeed"] = "Réduire les déchets, créer des emplois d'insertion.",
        ["Commune"] = "La Chapelle-en-Vercors",
        ["DepartmentCode"] = "26",
        ["CollectiveDimension"] = "Une association et ses bénévoles.",
        ["EconomicModel"] = "Ventes et aides à l'insertion.",
        ["Team[0].Name"] = "Alix Roux",
        ["Team[0].Role"] = "Présidente",
        ["Team[1].Name"] = string.Empty,
    };

    private async Task<PageClient> SignedUpApplicantAsync(string language = "fr")
    {
        var page = new PageClient(_factory, language);
        var email = $"porteuse-{Guid.NewGuid():N}@test.local";
        var signUp = await page.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Alix Roux",
            ["Email"] = email,
            ["Password"] = "Porteuse-2026",
            ["ConfirmPassword"] = "Porteuse-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        return page;
    }

    [Fact]
    public async Task Given_an_open_call_When_an_applicant_signs_up_saves_a_draft_and_submits_Then_it_shows_in_my_applications()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var page = await SignedUpApplicantAsync();
        var (_, seasonPage) = await page.GetAsync($"/seasons/{season.Id}");
        Assert.Contains($"/applications/new?seasonId={season.Id}", seasonPage, StringComparison.Ordinal);

        var draft = await page.SubmitAsync($"/applications/new?seasonId={season.Id}", "/applications/new", new Dictionary<string, string>
        {
            ["SeasonId"] = season.Id.ToString(),
            ["ProjectName"] = "Ressourcerie du Vercors",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var editUrl = draft.Headers.Location!.OriginalString;
        var (_, edit) = await page.GetAsync(editUrl);
        Assert.Contains("Il reste à compléter", edit, StringComparison.Ordinal);
        Assert.Contains("Modèle économique", edit, StringComparison.Ordinal);

        var incomplete = await page.SubmitAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["SeasonId"] = season.Id.ToString(),
            ["ProjectName"] = "Ressourcerie du Vercors",
            ["submit"] = "1",
        });
        var incompleteHtml = await PageClient.TextAsync(incomplete);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("id=\"Summary-error\">Cette réponse est nécessaire", incompleteHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Team-error\"", incompleteHtml, StringComparison.Ordinal);

        var submitted = await page.SubmitAsync(editUrl, editUrl, new Dictionary<string, string>(Complete(season.Id)) { ["submit"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (_, details) = await page.GetAsync(submitted.Headers.Location!.OriginalString);
        Assert.Contains("Votre candidature est déposée", details, StringComparison.Ordinal);
        Assert.Contains("Déposée, en cours d'examen", details, StringComparison.Ordinal);

        var (_, mine) = await page.GetAsync("/applications/mine");
        Assert.Contains("Ressourcerie du Vercors", mine, StringComparison.Ordinal);

        var other = await SignedUpApplicantAsync();
        var (status, _) = await other.GetAsync(submitted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Given_a_wrong_department_When_saving_in_English_Then_the_error_is_in_English_next_to_the_field()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var page = await SignedUpApplicantAsync("en-GB");

        var response = await page.SubmitAsync($"/applications/new?seasonId={season.Id}", "/applications/new",
            new Dictionary<string, string>(Complete(season.Id)) { ["DepartmentCode"] = "99" });

        var html = await PageClient.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"DepartmentCode-error\">'99' is not a French department", html, StringComparison.Ordinal);
        var (_, mine) = await page.GetAsync("/applications/mine");
        Assert.Contains("You have no application yet", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_closed_call_When_opening_the_application_form_Then_404()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        var page = await SignedUpApplicantAsync();

        var (status, _) = await page.GetAsync($"/applications/new?seasonId={season.Id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
