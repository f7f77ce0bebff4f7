using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class HomePagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public HomePagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private Task<(string Email, Guid Id)> AccountAsync(HttpClient admin, string role) => _factory.AccountAsync(admin, role, role, "Home-Password-1");

    private async Task<string> HomeAsync(string email, string password)
    {
        var page = new PageClient(_factory);
        await page.SignInAsync(email, password);
        return (await page.GetAsync("/")).Html;
    }

    [Fact]
    public async Task Given_each_role_When_opening_the_home_page_Then_it_shows_what_that_role_has_to_do()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20));
        var (reviewerEmail, reviewerId) = await AccountAsync(admin, Roles.Reviewer);
        var (coachEmail, coachId) = await AccountAsync(admin, Roles.Coach);
        var (_, partnerId) = await AccountAsync(admin, Roles.Coach);
        var rubric = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{season.Id}/rubric");
        await (await admin.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), label = c.GetProperty("label").GetString(), weight = 1.0 }),
            reviewerUserIds = new[] { reviewerId },
            blindReview = false,
        })).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachId, partnerId } })).EnsureSuccessAsync();
        var applicantEmail = $"porteur-{Guid.NewGuid():N}@test.local";
        await (await _factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = applicantEmail, password = "Home-Password-1" })).EnsureSuccessAsync();
        var applicant = await _factory.ClientForAsync(applicantEmail, "Home-Password-1");
        var submitted = await applicant.SubmitAsync(season.Id, "Fablab de Crest", "26");
        var (other, _) = await _factory.ApplicantClientAsync();
        await other.SubmitAsync(season.Id, "Épicerie itinérante", "07");
        await (await admin.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/applications/{submitted}/decision", new { decision = "select" })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:applications");
        await admin.ApproveCohortAsync(_factory, season.Id, [submitted]);

        var lead = await HomeAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        Assert.Contains("<h1>Bonjour Administrateur</h1>", lead, StringComparison.Ordinal);
        Assert.Contains("Entonnoir de sélection", lead, StringComparison.Ordinal);
        Assert.Contains("Candidatures par département", lead, StringComparison.Ordinal);
        Assert.Contains("Échéances des 30 prochains jours", lead, StringComparison.Ordinal);
        Assert.Contains("Formations des 30 prochains jours", lead, StringComparison.Ordinal);

        var reviewer = await HomeAsync(reviewerEmail, "Home-Password-1");
        Assert.Contains("<strong>2</strong> à évaluer", reviewer, StringComparison.Ordinal);
        Assert.DoesNotContain("Entonnoir", reviewer, StringComparison.Ordinal);

        var coach = await HomeAsync(coachEmail, "Home-Password-1");
        Assert.Contains("Fablab de Crest", coach, StringComparison.Ordinal);
        Assert.DoesNotContain("Épicerie itinérante", coach, StringComparison.Ordinal);

        var mine = await HomeAsync(applicantEmail, "Home-Password-1");
        Assert.Contains("Mes candidatures", mine, StringComparison.Ordinal);
        Assert.Contains("Fablab de Crest", mine, StringComparison.Ordinal);
        Assert.Contains("Mon accompagnement", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Épicerie itinérante", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("À évaluer", mine, StringComparison.Ordinal);
    }
}
