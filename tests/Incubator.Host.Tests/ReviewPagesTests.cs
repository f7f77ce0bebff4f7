using System.Net;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class ReviewPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public ReviewPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_a_committee_named_on_the_rubric_page_When_a_reviewer_declares_and_scores_and_the_lead_decides_Then_the_board_shows_it()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20));
        var reviewerEmail = $"comite-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostAsJsonAsync("/api/users", new { email = reviewerEmail, displayName = "Dominique Comité", password = "Reviewer-2026", roles = new[] { Roles.Reviewer } });
        var reviewerId = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var applicationId = await applicant.SubmitAsync(season.Id, "Café associatif de Saillans");
        await (await admin.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();

        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var rubricUrl = $"/applications/review/seasons/{season.Id}/rubric";
        var (_, rubricPage) = await lead.GetAsync(rubricUrl);
        Assert.Contains("Dominique Comité", rubricPage, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["ReviewerUserIds"] = reviewerId.ToString(), ["BlindReview"] = "false" };
        var keys = new[] { "socialNeed", "territorialAnchoring", "collectiveDimension", "economicModel", "team" };
        for (var i = 0; i < keys.Length; i++)
        {
            fields[$"Criteria[{i}].Key"] = keys[i];
            fields[$"Criteria[{i}].Label"] = "Critère " + keys[i];
            fields[$"Criteria[{i}].Weight"] = i == 0 ? "3" : "1";
        }

        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync(rubricUrl, rubricUrl, fields)).StatusCode);

        var reviewer = new PageClient(_factory);
        await reviewer.SignInAsync(reviewerEmail, "Reviewer-2026");
        var (_, committees) = await reviewer.GetAsync("/applications/review");
        Assert.Contains(season.Name, committees, StringComparison.Ordinal);
        var reviewUrl = $"/applications/review/{applicationId}";
        var (_, beforeDeclaring) = await reviewer.GetAsync(reviewUrl);
        Assert.Contains("Avez-vous un conflit d'intérêts", beforeDeclaring, StringComparison.Ordinal);
        Assert.DoesNotContain("Un garage associatif", beforeDeclaring, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(reviewUrl, reviewUrl + "/declare", new Dictionary<string, string> { ["conflictOfInterest"] = "false" })).StatusCode);
        var (_, content) = await reviewer.GetAsync(reviewUrl);
        Assert.Contains("Un garage associatif", content, StringComparison.Ordinal);

        var incomplete = await reviewer.SubmitAsync(reviewUrl, reviewUrl + "/score", new Dictionary<string, string> { ["scores[socialNeed]"] = "5" });
        Assert.Contains("Notez ce critère de 1 à 5", await PageClient.TextAsync(incomplete), StringComparison.Ordinal);
        var scores = keys.ToDictionary(k => $"scores[{k}]", k => k == "socialNeed" ? "5" : "2");
        scores["comment"] = "Ancrage fort";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(reviewUrl, reviewUrl + "/score", scores)).StatusCode);

        var decided = await lead.SubmitAsync(reviewUrl, reviewUrl + "/decide", new Dictionary<string, string> { ["decision"] = "shortlist", ["reason"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var (_, board) = await lead.GetAsync($"/applications/review/seasons/{season.Id}?sort=score");
        Assert.Contains("Café associatif de Saillans", board, StringComparison.Ordinal);
        Assert.Contains(">3,29<", board, StringComparison.Ordinal); // weights 3,1,1,1,1 and scores 5,2,2,2,2: 23 / 7
        Assert.Contains("Présélectionnée", board, StringComparison.Ordinal);
    }
}
