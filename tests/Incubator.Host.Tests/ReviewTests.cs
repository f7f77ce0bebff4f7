using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public abstract class ReviewTests
{
    private readonly IncubatorFactory _factory;

    protected ReviewTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record ReviewResponse(Guid Id, string State, double? WeightedScore);

    private sealed record RubricResponse(List<CriterionResponse> Criteria, List<Guid> ReviewerUserIds, bool BlindReview, bool WeightsLocked);

    private sealed record CriterionResponse(string Key, string Label, double Weight);

    private sealed record BoardRow(Guid Id, string ProjectName, string Status, double? Score, double? NormalizedScore, int ReviewCount, string DepartmentCode, bool ReviewedByMe);

    private sealed record Board(List<BoardRow> Items, int Page, int PageSize, int Total);

    private static Dictionary<string, int> Scores(int social, int territory, int collective, int economic, int team) => new()
    {
        ["socialNeed"] = social,
        ["territorialAnchoring"] = territory,
        ["collectiveDimension"] = collective,
        ["economicModel"] = economic,
        ["team"] = team,
    };

    /// <summary>A season in selection with a committee of two reviewers and the given submitted projects.</summary>
    private async Task<(Guid SeasonId, HttpClient Lead, HttpClient First, HttpClient Second, List<Guid> Applications)> CommitteeAsync(
        bool blind = false, params string[] projects)
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (first, firstId) = await _factory.UserClientAsync(Roles.Reviewer);
        var (second, secondId) = await _factory.UserClientAsync(Roles.Reviewer);
        var rubric = await lead.GetFromJsonAsync<RubricResponse>($"/api/seasons/{season.Id}/rubric");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric!.Criteria.Select(c => new { c.Key, c.Label, weight = c.Key == "socialNeed" ? 2.0 : 1.0 }),
            reviewerUserIds = new[] { firstId, secondId },
            blindReview = blind,
        })).EnsureSuccessAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var ids = new List<Guid>();
        foreach (var (project, i) in projects.Select((p, i) => (p, i)))
        {
            ids.Add(await applicant.SubmitAsync(season.Id, project, i % 2 == 0 ? "26" : "07"));
        }

        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        return (season.Id, lead, first, second, ids);
    }

    private static async Task<ReviewResponse> ScoreAsync(HttpClient reviewer, Guid applicationId, Dictionary<string, int> scores)
    {
        var response = await reviewer.PostAsJsonAsync($"/api/applications/{applicationId}/reviews", new { scores, comment = "Projet utile", conflictOfInterest = false });
        await response.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReviewResponse>())!;
    }

    [Fact]
    public async Task Given_a_rubric_with_default_criteria_When_a_lead_reads_it_Then_five_criteria_of_equal_weight()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));

        var rubric = await lead.GetFromJsonAsync<RubricResponse>($"/api/seasons/{season.Id}/rubric");

        Assert.Equal(["socialNeed", "territorialAnchoring", "collectiveDimension", "economicModel", "team"], rubric!.Criteria.Select(c => c.Key));
        Assert.All(rubric.Criteria, c => Assert.Equal(1, c.Weight));
        Assert.False(rubric.WeightsLocked);
    }

    [Fact]
    public async Task Given_a_reviewer_When_reading_before_declaring_then_recusing_Then_409s_and_never_a_score()
    {
        var (seasonId, _, first, second, ids) = await CommitteeAsync(false, "Tiers-lieu");
        var id = ids[0];

        var before = await first.GetAsync($"/api/applications/{id}");
        Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);

        var recusal = await first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { conflictOfInterest = true });
        Assert.Equal(HttpStatusCode.Created, recusal.StatusCode);
        Assert.Equal("Recused", (await recusal.Content.ReadFromJsonAsync<ReviewResponse>())!.State);

        var scoring = await first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = Scores(5, 5, 5, 5, 5), comment = "", conflictOfInterest = false });
        Assert.Equal(HttpStatusCode.Conflict, scoring.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.GetAsync($"/api/applications/{id}")).StatusCode);

        // On the board, the recusal counts as handled for the one who recused, and as nobody's score.
        var mine = (await first.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications"))!.Items.Single();
        var theirs = (await second.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications"))!.Items.Single();
        Assert.True(mine.ReviewedByMe);
        Assert.False(theirs.ReviewedByMe);
        Assert.Equal(0, mine.ReviewCount);
        Assert.Null(mine.Score);
        Assert.Null(mine.NormalizedScore);
    }

    [Fact]
    public async Task Given_a_declaration_of_no_conflict_When_scoring_Then_the_weighted_mean_and_the_weights_lock()
    {
        var (seasonId, lead, first, _, ids) = await CommitteeAsync(false, "Tiers-lieu");
        var id = ids[0];
        await (await first.PostAsJsonAsync($"/api/applications/{id}/conflict-declaration", new { conflictOfInterest = false })).EnsureSuccessAsync();
        var application = await first.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{id}");
        Assert.Equal("Camille Martin", application!.Team[0].Name);

        var missing = await first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = new Dictionary<string, int> { ["socialNeed"] = 4 }, conflictOfInterest = false });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ProblemAsync()).GetProperty("errors").TryGetProperty("scores.territorialAnchoring", out _));
        var outOfRange = await first.PostAsJsonAsync($"/api/applications/{id}/reviews", new { scores = Scores(6, 1, 1, 1, 1), conflictOfInterest = false });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);

        var review = await ScoreAsync(first, id, Scores(5, 3, 3, 3, 4));

        Assert.Equal((2 * 5 + 3 + 3 + 3 + 4) / 6.0, review.WeightedScore!.Value, 6);
        var rubric = await lead.GetFromJsonAsync<RubricResponse>($"/api/seasons/{seasonId}/rubric");
        Assert.True(rubric!.WeightsLocked);
        var reweigh = await lead.PutAsJsonAsync($"/api/seasons/{seasonId}/rubric", new { criteria = rubric.Criteria.Select(c => new { c.Key, c.Label, weight = 1.0 }) });
        Assert.Equal(HttpStatusCode.Conflict, reweigh.StatusCode);
    }

    [Fact]
    public async Task Given_a_reviewer_outside_the_committee_When_reading_or_scoring_Then_404()
    {
        var (seasonId, _, _, _, ids) = await CommitteeAsync(false, "Tiers-lieu");
        var (outsider, _) = await _factory.UserClientAsync(Roles.Reviewer);
        var (applicant, _) = await _factory.ApplicantClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/{ids[0]}/conflict-declaration", new { conflictOfInterest = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/seasons/{seasonId}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/seasons/{seasonId}/applications")).StatusCode);
    }

    [Fact]
    public async Task Given_a_blind_review_When_a_reviewer_reads_Then_the_team_names_are_hidden()
    {
        var (_, lead, first, _, ids) = await CommitteeAsync(true, "Tiers-lieu");
        await (await first.PostAsJsonAsync($"/api/applications/{ids[0]}/conflict-declaration", new { conflictOfInterest = false })).EnsureSuccessAsync();

        var seen = await first.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{ids[0]}");
        var byLead = await lead.GetFromJsonAsync<ApplicationResponse>($"/api/applications/{ids[0]}");

        Assert.DoesNotContain("Camille", seen!.Team[0].Name, StringComparison.Ordinal);
        Assert.Null(seen.Team[0].Email);
        Assert.Equal("Coordinatrice", seen.Team[0].Role);
        Assert.Equal("Camille Martin", byLead!.Team[0].Name);
    }

    [Fact]
    public async Task Given_a_harsh_and_a_lenient_reviewer_When_listing_the_board_Then_scores_rank_unscored_last_and_normalised_scores_agree()
    {
        var (seasonId, lead, harsh, lenient, ids) = await CommitteeAsync(false, "A", "B", "C", "D");
        // The harsh reviewer scores A and B; the lenient one scores C and D, one point apart like the harsh one.
        await ScoreAsync(harsh, ids[0], Scores(2, 2, 2, 2, 2));
        await ScoreAsync(harsh, ids[1], Scores(1, 1, 1, 1, 1));
        await ScoreAsync(lenient, ids[2], Scores(5, 5, 5, 5, 5));
        await ScoreAsync(lenient, ids[3], Scores(4, 4, 4, 4, 4));
        // Changing one's mind replaces a score (A: 2, then 3, then 2 again); the tallies count each review once.
        await ScoreAsync(harsh, ids[0], Scores(3, 3, 3, 3, 3));
        await ScoreAsync(harsh, ids[0], Scores(2, 2, 2, 2, 2));
        var (applicant, _) = await _factory.ApplicantClientAsync();

        var board = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score&page=1&pageSize=50");

        Assert.Equal(4, board!.Total);
        Assert.Equal(["C", "D", "A", "B"], board.Items.Select(i => i.ProjectName));
        var normalized = board.Items.ToDictionary(i => i.ProjectName, i => i.NormalizedScore);
        Assert.Equal(normalized["A"], normalized["C"]);
        Assert.Equal(normalized["B"], normalized["D"]);
        Assert.True(normalized["A"] > normalized["B"]);

        var mine = await harsh.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?reviewedByMe=true");
        Assert.Equal(["A", "B"], mine!.Items.Select(i => i.ProjectName).Order());
        var ardeche = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?department=07");
        Assert.Equal(["B", "D"], ardeche!.Items.Select(i => i.ProjectName).Order());
        var secondPage = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score&page=2&pageSize=3");
        Assert.Equal(["B"], secondPage!.Items.Select(i => i.ProjectName));
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync($"/api/seasons/{seasonId}/applications?sort=name")).StatusCode);
    }

    [Fact]
    public async Task Given_unscored_applications_When_sorting_by_score_Then_they_come_last_and_the_csv_shows_the_same_rows()
    {
        var (seasonId, lead, first, _, ids) = await CommitteeAsync(false, "=Formule", "Noté", "Aussi noté");
        await ScoreAsync(first, ids[1], Scores(3, 3, 3, 3, 3));
        await ScoreAsync(first, ids[2], Scores(4, 4, 4, 4, 4));

        var board = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score");
        Assert.Equal(["Aussi noté", "Noté", "=Formule"], board!.Items.Select(i => i.ProjectName));
        Assert.Null(board.Items[2].Score);

        var csv = await lead.GetAsync($"/api/seasons/{seasonId}/applications.csv?sort=score");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Aussi noté;26;Submitted;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("'=Formule;", lines[3], StringComparison.Ordinal);
        Assert.Contains(";4,00;", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_50_or_5000_applications_When_listing_the_board_Then_the_same_number_of_SQL_commands()
    {
        var counter = new SqlCommandCounter<ApplicationsDbContext>();
        using var factory = new IncubatorFactory(provider: _factory.Provider, configure: s => s.AddSingleton<IInterceptor>(counter));
        var lead = await factory.AdminClientAsync();
        var small = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var large = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var reviewers = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await SeedAsync(factory, small.Id, 50, reviewers);
        await SeedAsync(factory, large.Id, 5000, reviewers);

        async Task<(int Read, int Kept)> CommandsFor(Guid seasonId)
        {
            await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score&page=1&pageSize=49"); // warm, another page
            counter.Reset();
            var board = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score&page=1&pageSize=50");
            Assert.Equal(50, board!.Items.Count);
            Assert.All(board.Items, i => Assert.Equal(3, i.ReviewCount));
            var read = counter.Count;
            counter.Reset();
            var again = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score&page=1&pageSize=50");
            Assert.Equal(board.Items.Select(i => i.Id), again!.Items.Select(i => i.Id));
            return (read, counter.Count);
        }

        var forSmall = await CommandsFor(small.Id);
        var forLarge = await CommandsFor(large.Id);

        Assert.Equal(forSmall.Read, forLarge.Read);
        Assert.InRange(forLarge.Read, 1, 6);

        // Nothing was written since: on SQLite the same page again is served from what the first read kept (ADR 0018);
        // on a server database, which other hosts may write, it is read again.
        var readAgain = factory.Provider == DatabaseProvider.Sqlite ? 0 : forSmall.Read;
        Assert.Equal(readAgain, forSmall.Kept);
        Assert.Equal(readAgain, forLarge.Kept);
    }

    [Fact]
    public async Task Given_a_board_already_read_When_a_review_is_scored_or_a_decision_made_Then_the_next_read_shows_it()
    {
        var (seasonId, lead, first, second, ids) = await CommitteeAsync(false, "Premier", "Second");
        async Task<Board> BoardOf(HttpClient reader) => (await reader.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?sort=score"))!;

        var before = await BoardOf(lead);
        Assert.All(before.Items, i => Assert.Null(i.Score));
        Assert.Equal(before.Items.Select(i => i.Id), (await BoardOf(lead)).Items.Select(i => i.Id));

        await ScoreAsync(first, ids[1], Scores(4, 4, 4, 4, 4));
        var afterScore = await BoardOf(lead);
        Assert.Equal(ids[1], afterScore.Items[0].Id);
        Assert.Equal(4.0, afterScore.Items[0].Score);
        Assert.Equal(1, afterScore.Items[0].ReviewCount);

        // The same page, kept once for all: "reviewed by me" is still each reader's own.
        Assert.True((await BoardOf(first)).Items.Single(i => i.Id == ids[1]).ReviewedByMe);
        Assert.False((await BoardOf(second)).Items.Single(i => i.Id == ids[1]).ReviewedByMe);
        Assert.False((await BoardOf(lead)).Items.Single(i => i.Id == ids[1]).ReviewedByMe);

        await (await lead.PostAsJsonAsync($"/api/applications/{ids[0]}/decision", new { decision = "shortlist" })).EnsureSuccessAsync();
        Assert.Equal("Shortlisted", (await BoardOf(second)).Items.Single(i => i.Id == ids[0]).Status);
        var shortlisted = await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?status=Shortlisted");
        Assert.Equal([ids[0]], shortlisted!.Items.Select(i => i.Id));
        Assert.Equal(1, shortlisted.Total);

        // Pages are kept per filter as the query reads it.
        Assert.Equal(1, (await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?department=%2007"))!.Total);
        Assert.Equal(2, (await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?department="))!.Total);
        Assert.Equal(1, (await lead.GetFromJsonAsync<Board>($"/api/seasons/{seasonId}/applications?department=26"))!.Total);
    }

    private static async Task SeedAsync(IncubatorFactory factory, Guid seasonId, int count, Guid[] reviewers)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var now = factory.Clock.GetUtcNow();
        var rubric = Rubric.Default(seasonId);
        rubric.SetCommittee(reviewers, blindReview: false);
        db.Rubrics.Add(rubric);
        for (var i = 0; i < count; i++)
        {
            var application = Application.Draft(seasonId, Guid.NewGuid(), new ApplicationAnswers(
                "Projet " + i.ToString(CultureInfo.InvariantCulture), "Résumé", "Besoin", "Die", "26", "Collectif", "Modèle",
                [new TeamMember("Porteur", "Rôle", null)]), now);
            application.Submit(now, windowOpen: true);
            application.ClearPendingEvents();
            db.Applications.Add(application);
            foreach (var (reviewer, r) in reviewers.Select((x, r) => (x, r)))
            {
                var review = Review.Declare(application.Id, seasonId, reviewer, conflictOfInterest: false, now);
                var score = 1 + ((i + r) % 5);
                review.Score(rubric, new Dictionary<string, int> { ["socialNeed"] = score, ["territorialAnchoring"] = score, ["collectiveDimension"] = 3, ["economicModel"] = 3, ["team"] = 3 }, null, now);
                db.Reviews.Add(review);
            }
        }

        await db.SaveChangesAsync();

        // Seeded past the handlers: store the scores and tallies as scoring a review through them does.
        var postgres = db.Database.IsNpgsql();
        var schema = postgres ? "applications." : "";
        var ledger = postgres
            ? """string_agg(r."ReviewerUserId"::text || '=' || r."WeightedScore"::text, ';')"""
            : """group_concat(r."ReviewerUserId" || '=' || r."WeightedScore", ';')""";
#pragma warning disable EF1002 // the schema and the aggregate are the test's own constants; the season is a parameter
        await db.Database.ExecuteSqlRawAsync($$"""
            UPDATE {{schema}}"Applications" SET
              "Score" = (SELECT AVG(r."WeightedScore") FROM {{schema}}"Reviews" AS r WHERE r."ApplicationId" = "Applications"."Id" AND r."State" = 'Scored'),
              "ReviewCount" = (SELECT COUNT(*) FROM {{schema}}"Reviews" AS r WHERE r."ApplicationId" = "Applications"."Id" AND r."State" = 'Scored'),
              "ReviewLedger" = (SELECT {{ledger}} FROM {{schema}}"Reviews" AS r WHERE r."ApplicationId" = "Applications"."Id" AND r."State" = 'Scored')
            WHERE "SeasonId" = {0}
            """, seasonId);
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO {{schema}}"ReviewerTallies" ("SeasonId", "ReviewerUserId", "Count", "Sum", "SumOfSquares")
            SELECT "SeasonId", "ReviewerUserId", COUNT(*), SUM("WeightedScore"), SUM("WeightedScore" * "WeightedScore")
            FROM {{schema}}"Reviews" WHERE "State" = 'Scored' AND "SeasonId" = {0} GROUP BY "SeasonId", "ReviewerUserId"
            """, seasonId);
#pragma warning restore EF1002
    }
}

public sealed class ReviewTestsOnSqlite(HostFixture fixture) : ReviewTests(fixture), IClassFixture<HostFixture>;

public sealed class ReviewTestsOnPostgreSql(PostgreSqlHostFixture fixture) : ReviewTests(fixture), IClassFixture<PostgreSqlHostFixture>;
