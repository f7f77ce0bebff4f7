using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.Host.Tests.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public sealed class FundingPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public FundingPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_a_lead_in_the_pages_When_recording_a_funder_an_agreement_and_a_payment_Then_the_budget_and_the_report_show_them()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await admin.SeasonInSelectionAsync(_factory);
        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);

        var badEmail = await lead.SubmitAsync("/funding", "/funding/funders", new Dictionary<string, string>
        {
            ["Name"] = "Région Auvergne-Rhône-Alpes", ["Kind"] = "Region", ["ContactName"] = "Nadia Benali", ["ContactEmail"] = "pas-un-courriel",
        });
        Assert.Contains("id=\"ContactEmail-error\"", await PageClient.TextAsync(badEmail), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync("/funding", "/funding/funders", new Dictionary<string, string>
        {
            ["Name"] = "Région Auvergne-Rhône-Alpes", ["Kind"] = "Region", ["ContactName"] = "Nadia Benali", ["ContactEmail"] = "nadia@example.org",
        })).StatusCode);
        var funderId = (await admin.GetFromJsonAsync<List<IdResponse>>("/api/funders"))!.Single().Id;

        var budgetUrl = $"/funding/seasons/{season.Id}";
        var (_, empty) = await lead.GetAsync(budgetUrl);
        Assert.Contains("Aucune convention pour cette saison", empty, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["FunderId"] = funderId.ToString(), ["Amount"] = "40000", ["SignedOn"] = "2026-11-02", ["ReportDueOn"] = "2028-06-30",
            ["Tranches[0].Amount"] = "24000", ["Tranches[0].DueOn"] = "2026-11-15", ["Tranches[1].Amount"] = "15000", ["Tranches[1].DueOn"] = "2027-09-30",
        };
        var wrongSum = await lead.SubmitAsync(budgetUrl, budgetUrl + "/agreements", fields);
        Assert.Contains("id=\"Tranches-error\" role=\"alert\">La somme des tranches", await PageClient.TextAsync(wrongSum), StringComparison.Ordinal);
        fields["Tranches[1].Amount"] = "16000";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync(budgetUrl, budgetUrl + "/agreements", fields)).StatusCode);

        var budget = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{season.Id}/budget");
        var agreementId = budget.GetProperty("agreements")[0].GetProperty("id").GetGuid();
        var paid = await lead.SubmitAsync(budgetUrl, $"/funding/agreements/{agreementId}/tranches/0/received", new Dictionary<string, string> { ["on"] = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var (_, page) = await lead.GetAsync(budgetUrl);
        Assert.Contains("Le versement est enregistré.", page, StringComparison.Ordinal);
        Assert.Contains("24 000 €", page.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Reçue (20/11/2026)", page, StringComparison.Ordinal);
        var future = await lead.SubmitAsync(budgetUrl, $"/funding/agreements/{agreementId}/tranches/1/received", new Dictionary<string, string> { ["on"] = "2027-01-01" });
        Assert.Contains("Une date entre la signature et aujourd'hui.", await PageClient.TextAsync(future), StringComparison.Ordinal);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var now = _factory.Clock.GetUtcNow();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(
                new ApplicationSubmitted(Guid.NewGuid(), season.Id, Guid.NewGuid(), "Garage solidaire", "26", now) { OccurredAt = now });
        }

        var reportUrl = $"/funding/seasons/{season.Id}/report";
        var (_, report) = await lead.GetAsync(reportUrl);
        Assert.Contains("Financements reçus", report, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"Candidatures déposées par département\"", report, StringComparison.Ordinal);
        Assert.Contains("class=\"chart-label\">26</text>", report, StringComparison.Ordinal);
        var approved = await lead.SubmitAsync(reportUrl, reportUrl + "/approve", new Dictionary<string, string> { ["label"] = "Bilan intermédiaire", ["funderId"] = funderId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (_, snapshot) = await lead.GetAsync(approved.Headers.Location!.OriginalString);
        Assert.Contains("ces chiffres ne changent plus", snapshot, StringComparison.Ordinal);
        Assert.Contains("pour Région Auvergne-Rhône-Alpes", snapshot, StringComparison.Ordinal);

        var (applicant, _) = await _factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/seasons/{season.Id}/budget")).StatusCode);
    }
}
