using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>
/// The cases of ADR 0020, each played on purpose: one side is held between its read and its write (<see cref="Hold"/>)
/// while the other commits, then let go. Without the season's fence, each of these ends with a project left out (not
/// enrolled, without a pair), a coach in two pairs, or a cohort approved with a withdrawn project.
/// </summary>
public abstract class ConsistencyInterleavingTests
{
    private readonly IncubatorFactory _factory;
    private readonly Holds _holds;

    protected ConsistencyInterleavingTests(InterleavingFixture fixture)
    {
        _factory = fixture.Factory;
        _holds = fixture.Holds;
    }

    private sealed record Summary(Guid Id, int EnrolledProjects);

    private sealed record Pair(Guid Id, List<Coach> Coaches, List<PairProject> Projects);

    private sealed record Coach(Guid UserId);

    private sealed record PairProject(Guid ProjectId, Guid? LeadCoachUserId);

    private static object OneSession(string startsAt = "2027-05-06T09:30:00+02:00") => new
    {
        title = "Journée collective",
        startsAt,
        endsAt = startsAt.Replace("T09:30", "T17:00", StringComparison.Ordinal),
        capacity = 12,
        mode = "Remote",
        remoteUrl = "https://visio.example.org/incubator",
    };

    /// <summary>A season whose cohort of <paramref name="size"/> is approved; CohortApproved waits in the Seasons outbox.</summary>
    private async Task<(HttpClient Lead, Guid SeasonId, List<Guid> Projects)> ApprovedNotDeliveredAsync(int size = 2, int? capacity = 6)
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity);
        var projects = new List<Guid>();
        for (var i = 0; i < size; i++)
        {
            projects.Add(await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, $"Projet {i + 1}"));
        }

        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = projects })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        return (lead, season.Id, projects);
    }

    private async Task<List<Summary>> SessionsAsync(HttpClient lead, Guid seasonId) =>
        (await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{seasonId}/trainings"))!;

    private async Task<List<Pair>> PairsAsync(HttpClient lead, Guid seasonId) =>
        (await lead.GetFromJsonAsync<List<Pair>>($"/api/seasons/{seasonId}/coaching-pairs"))!;

    private async Task<Guid[]> CoachesAsync(int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            (_, ids[i]) = await _factory.UserClientAsync(Roles.Coach);
        }

        return ids;
    }

    [Fact]
    public async Task Trainings_a_session_planned_while_the_cohort_arrives_Given_planning_held_between_its_read_and_its_write_Then_the_cohort_is_enrolled()
    {
        var (lead, seasonId, _) = await ApprovedNotDeliveredAsync();
        var hold = _holds.Arm(Hold.BeforeSaving<TrainingsDbContext>(db => db.ChangeTracker.Entries<TrainingSession>().Any(e => e.State == EntityState.Added)));

        var planning = lead.PostAsJsonAsync($"/api/seasons/{seasonId}/trainings", OneSession());
        await hold.Reached; // planning has read the season's cohort (none yet)
        await _factory.RunJobAsync("outbox:seasons"); // the cohort arrives and is enrolled in the sessions it finds (none yet)
        hold.Release();

        await (await planning).EnsureSuccessAsync();
        Assert.Equal(2, Assert.Single(await SessionsAsync(lead, seasonId)).EnrolledProjects);
    }

    [Fact]
    public async Task Trainings_the_cohort_arriving_while_a_session_is_planned_Given_the_handler_held_after_reading_the_sessions_Then_the_cohort_is_enrolled()
    {
        var (lead, seasonId, _) = await ApprovedNotDeliveredAsync();
        var hold = _holds.Arm(Hold.AfterReading<TrainingsDbContext>("Sessions", seasonId));

        var delivery = _factory.RunJobAsync("outbox:seasons");
        await hold.Reached; // the handler has read the season's sessions (none yet)
        await (await lead.PostAsJsonAsync($"/api/seasons/{seasonId}/trainings", OneSession())).EnsureSuccessAsync();
        hold.Release();
        await delivery;

        Assert.Equal(2, Assert.Single(await SessionsAsync(lead, seasonId)).EnrolledProjects);
    }

    [Fact]
    public async Task Coaching_a_pair_formed_while_the_cohort_arrives_Given_forming_held_between_its_read_and_its_write_Then_the_projects_join_the_pair()
    {
        var (lead, seasonId, projects) = await ApprovedNotDeliveredAsync(capacity: 6);
        var coaches = await CoachesAsync(2);
        var hold = _holds.Arm(Hold.BeforeSaving<CoachingDbContext>(db => db.ChangeTracker.Entries<CoachingPair>().Any(e => e.State == EntityState.Added)));

        var forming = lead.PostAsJsonAsync($"/api/seasons/{seasonId}/coaching-pairs", new { coachUserIds = coaches });
        await hold.Reached; // forming has read the projects waiting for a pair (none yet)
        await _factory.RunJobAsync("outbox:seasons"); // the cohort arrives and is spread over the pairs it finds (none yet)
        hold.Release();

        await (await forming).EnsureSuccessAsync();
        Assert.Equal(projects.Order(), Assert.Single(await PairsAsync(lead, seasonId)).Projects.Select(p => p.ProjectId).Order());
    }

    [Fact]
    public async Task Coaching_the_cohort_arriving_while_a_pair_is_formed_Given_the_handler_held_after_reading_the_pairs_Then_the_projects_join_the_pair()
    {
        var (lead, seasonId, projects) = await ApprovedNotDeliveredAsync(capacity: 6);
        var coaches = await CoachesAsync(2);
        var hold = _holds.Arm(Hold.AfterReading<CoachingDbContext>("CoachingPairs", seasonId));

        var delivery = _factory.RunJobAsync("outbox:seasons");
        await hold.Reached; // the handler has read the season's pairs (none yet)
        await (await lead.PostAsJsonAsync($"/api/seasons/{seasonId}/coaching-pairs", new { coachUserIds = coaches })).EnsureSuccessAsync();
        hold.Release();
        await delivery;

        Assert.Equal(projects.Order(), Assert.Single(await PairsAsync(lead, seasonId)).Projects.Select(p => p.ProjectId).Order());
    }

    [Fact]
    public async Task Coaching_two_pairs_formed_with_the_same_coach_Given_the_first_held_after_reading_the_pairs_Then_it_is_refused_and_the_coach_is_in_one_pair()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: null);
        var coaches = await CoachesAsync(3);
        var hold = _holds.Arm(Hold.AfterReading<CoachingDbContext>("CoachingPairs", season.Id));

        var first = lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[0], coaches[1] } });
        await hold.Reached; // the first has checked that neither coach is in a pair of the season
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[0], coaches[2] } })).EnsureSuccessAsync();
        hold.Release();

        Assert.Equal(HttpStatusCode.Conflict, (await first).StatusCode);
        Assert.Single(await PairsAsync(lead, season.Id));
    }

    [Fact]
    public async Task Coaching_a_project_moved_to_a_pair_while_a_late_project_joins_it_Given_the_move_held_between_its_read_and_its_write_Then_no_pair_follows_more_than_six()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 12);
        var coaches = await CoachesAsync(4);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[0], coaches[1] } })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[2], coaches[3] } })).EnsureSuccessAsync();
        var projects = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            projects.Add(await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, $"Projet {i + 1}"));
        }

        await lead.ApproveCohortAsync(_factory, season.Id, projects); // eleven projects: six in one pair, five in the other
        var pairs = await PairsAsync(lead, season.Id);
        var full = pairs.Single(p => p.Projects.Count == 6);
        var open = pairs.Single(p => p.Projects.Count == 5);
        var openCoach = open.Coaches.Select(c => c.UserId).Single(c => open.Projects.Count(p => p.LeadCoachUserId == c) == 2); // leads two of three
        var hold = _holds.Arm(Hold.BeforeSaving<CoachingDbContext>(db => db.ChangeTracker.Entries<CoachedProject>().Any(e => e.State == EntityState.Modified)));

        // A lead moves a project to the pair that has one place left, while a late project of the cohort arrives (the
        // only place it finds is the same one).
        var move = lead.PutAsJsonAsync($"/api/coaching/projects/{full.Projects[0].ProjectId}/assignment", new { pairId = open.Id, leadCoachUserId = openCoach });
        if (await Task.WhenAny(hold.Reached, move) == move)
        {
            Assert.Fail($"the move ended before its save: {(int)(await move).StatusCode} {await (await move).Content.ReadAsStringAsync()}");
        }

        // The move has counted five projects in that pair.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new Incubator.Seasons.Contracts.CohortApproved(season.Id, Guid.NewGuid(),
                [new Incubator.Seasons.Contracts.CohortProject(Guid.NewGuid(), "Projet tardif", "26", Guid.NewGuid())]) { OccurredAt = _factory.Clock.GetUtcNow() });
        }

        hold.Release();
        var moved = await move;

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode); // run again on what the late project changed: the pair is full
        Assert.Equal([6, 6], (await PairsAsync(lead, season.Id)).Select(p => p.Projects.Count).Order());
    }

    [Fact]
    public async Task Seasons_a_cohort_approved_while_one_of_its_projects_is_withdrawn_Given_the_approval_held_between_its_read_and_its_write_Then_it_is_refused()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        var kept = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire");
        var withdrawn = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Tiers-lieu de Die");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { kept, withdrawn } })).EnsureSuccessAsync();
        var hold = _holds.Arm(Hold.BeforeSaving<SeasonsDbContext>(db => db.ChangeTracker.Entries<Season>().Any(e => e.State == EntityState.Modified)));

        var approval = lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null);
        await hold.Reached; // the approval has read what it knows of the proposed projects
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(
                new ApplicationWithdrawn(withdrawn, season.Id, _factory.Clock.GetUtcNow()) { OccurredAt = _factory.Clock.GetUtcNow() });
        }

        hold.Release();

        var refused = await approval;
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Tiers-lieu de Die", (await refused.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Proposed", (await lead.GetFromJsonAsync<CohortResponse>($"/api/seasons/{season.Id}/cohort"))!.Status);
    }

    [Fact]
    public async Task Applications_the_first_score_saved_while_the_weights_change_Given_the_score_held_after_reading_the_rubric_Then_it_uses_the_new_weights()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (reviewer, reviewerId) = await _factory.UserClientAsync(Roles.Reviewer);
        var keys = new[] { "socialNeed", "territorialAnchoring", "collectiveDimension", "economicModel", "team" };
        object Rubric(double socialNeedWeight) => new
        {
            criteria = keys.Select(k => new { key = k, label = k, weight = k == "socialNeed" ? socialNeedWeight : 1.0 }),
            reviewerUserIds = new[] { reviewerId },
            blindReview = false,
        };
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", Rubric(1.0))).EnsureSuccessAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var application = await applicant.SubmitAsync(season.Id, "Garage solidaire");
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        // Held once it has read the rubric, before its transaction starts (on SQLite a transaction holds the file's write gate).
        var hold = _holds.Arm(Hold.AfterReading<Incubator.Applications.Persistence.ApplicationsDbContext>("Rubrics", season.Id));

        var scores = keys.ToDictionary(k => k, k => k == "socialNeed" ? 5 : 1);
        var scoring = reviewer.PostAsJsonAsync($"/api/applications/{application}/reviews", new { scores, conflictOfInterest = false });
        await hold.Reached; // the score is computed with the weights read (all 1: 1.8)
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", Rubric(4.0))).EnsureSuccessAsync(); // nothing scored yet: allowed
        hold.Release();

        var scored = await scoring;
        await scored.EnsureSuccessAsync();
        Assert.Equal(3.0, (await scored.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("weightedScore").GetDouble(), 3); // (5×4 + 4×1) / 8
    }

    [Fact]
    public async Task Applications_a_declaration_made_twice_at_once_Given_the_first_held_after_reading_the_reviews_Then_one_is_kept_and_the_other_answered_409()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (reviewer, reviewerId) = await _factory.UserClientAsync(Roles.Reviewer);
        var rubric = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{season.Id}/rubric");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), label = c.GetProperty("label").GetString(), weight = 1.0 }),
            reviewerUserIds = new[] { reviewerId },
            blindReview = false,
        })).EnsureSuccessAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var application = await applicant.SubmitAsync(season.Id, "Garage solidaire");
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        var hold = _holds.Arm(Hold.AfterReading<Incubator.Applications.Persistence.ApplicationsDbContext>("Reviews", application));

        var first = reviewer.PostAsJsonAsync($"/api/applications/{application}/conflict-declaration", new { conflictOfInterest = false });
        await hold.Reached; // the first has found no declaration of this reviewer yet
        await (await reviewer.PostAsJsonAsync($"/api/applications/{application}/conflict-declaration", new { conflictOfInterest = false })).EnsureSuccessAsync();
        hold.Release();

        var refused = await first;
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode); // not 500: the unique index let one in
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Applications_two_reviewers_scoring_one_application_at_once_Given_the_first_held_after_reading_the_reviews_to_rewrite_its_score_Then_the_board_counts_both()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (first, firstId) = await _factory.UserClientAsync(Roles.Reviewer);
        var (second, secondId) = await _factory.UserClientAsync(Roles.Reviewer);
        var rubric = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{season.Id}/rubric");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), label = c.GetProperty("label").GetString(), weight = 1.0 }),
            reviewerUserIds = new[] { firstId, secondId },
            blindReview = false,
        })).EnsureSuccessAsync();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var application = await applicant.SubmitAsync(season.Id, "Garage solidaire");
        var scoredBefore = await applicant.SubmitAsync(season.Id, "Conserverie");
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        object Review(int score) => new
        {
            scores = new[] { "socialNeed", "territorialAnchoring", "collectiveDimension", "economicModel", "team" }.ToDictionary(k => k, _ => score),
            conflictOfInterest = false,
        };
        // The season's first score is fenced against the rubric (ADR 0020), which would order these two as well: it is done.
        await (await first.PostAsJsonAsync($"/api/applications/{scoredBefore}/reviews", Review(4))).EnsureSuccessAsync();
        // Held inside its transaction, its review written, once it has read the application's reviews to rewrite the board's mean.
        var hold = _holds.Arm(Hold.AfterReading<Incubator.Applications.Persistence.ApplicationsDbContext>("Reviews", application, containing: "ORDER BY"));

        var firstScoring = first.PostAsJsonAsync($"/api/applications/{application}/reviews", Review(5));
        await hold.Reached; // the first has read one review: its own
        var secondScoring = second.PostAsJsonAsync($"/api/applications/{application}/reviews", Review(1));
        await Task.WhenAny(secondScoring, Task.Delay(TimeSpan.FromSeconds(2))); // unfenced, the second commits here its mean of one review
        hold.Release();
        await (await firstScoring).EnsureSuccessAsync();
        await (await secondScoring).EnsureSuccessAsync();

        var board = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{season.Id}/applications?page=1&pageSize=50");
        var line = board.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == application);
        Assert.Equal(2, line.GetProperty("reviewCount").GetInt32());
        Assert.Equal(3.0, line.GetProperty("score").GetDouble(), 3);
    }

    [Fact]
    public async Task Stress_a_cohort_approved_while_sessions_are_planned_and_pairs_formed_at_once_ten_times_leaves_no_project_out()
    {
        var lead = await _factory.AdminClientAsync();
        var coaches = await CoachesAsync(4);
        var orphans = new List<string>();
        for (var round = 0; round < 10; round++)
        {
            var season = await lead.SeasonInSelectionAsync(_factory, capacity: 12);
            var projects = new List<Guid>();
            for (var i = 0; i < 4; i++)
            {
                projects.Add(await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, $"Projet {round}-{i}"));
            }

            await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = projects })).EnsureSuccessAsync();
            var answers = await Task.WhenAll(
                Task.Run(async () =>
                {
                    var approved = await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null);
                    await _factory.RunJobAsync("outbox:seasons");
                    return approved;
                }),
                Task.Run(() => lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", TrainingsApiTests.Series(count: 2))),
                Task.Run(() => lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", OneSession())),
                Task.Run(() => lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[0], coaches[1] } })),
                Task.Run(() => lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coaches[2], coaches[3] } })));
            foreach (var answer in answers)
            {
                await answer.EnsureSuccessAsync();
            }

            await _factory.RunJobAsync("outbox:seasons"); // anything committed after the first delivery

            orphans.AddRange((await SessionsAsync(lead, season.Id)).Where(s => s.EnrolledProjects != 4)
                .Select(s => $"round {round}: a session with {s.EnrolledProjects} of 4 projects"));
            var paired = (await PairsAsync(lead, season.Id)).SelectMany(p => p.Projects).Select(p => p.ProjectId).ToHashSet();
            orphans.AddRange(projects.Where(p => !paired.Contains(p)).Select(p => $"round {round}: project {p} without a pair"));
        }

        Assert.Empty(orphans);
    }
}

/// <summary>One host per provider with the arming interceptor.</summary>
public class InterleavingFixture : IDisposable
{
    public InterleavingFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected InterleavingFixture(DatabaseProvider provider)
    {
        Factory = new IncubatorFactory(provider: provider, configure: s => s.AddSingleton<IInterceptor>(Holds));
    }

    public Holds Holds { get; } = new();

    public IncubatorFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgreSqlInterleavingFixture() : InterleavingFixture(DatabaseProvider.PostgreSql);

public sealed class ConsistencyInterleavingTestsOnSqlite(InterleavingFixture fixture) : ConsistencyInterleavingTests(fixture), IClassFixture<InterleavingFixture>;

public sealed class ConsistencyInterleavingTestsOnPostgreSql(PostgreSqlInterleavingFixture fixture) : ConsistencyInterleavingTests(fixture), IClassFixture<PostgreSqlInterleavingFixture>;
