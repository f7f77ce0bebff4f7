using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Contracts;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public abstract class TrainingsApiTests
{
    private readonly IncubatorFactory _factory;

    protected TrainingsApiTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Summary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, JsonElement Venue, string Mode, int EnrolledProjects);

    private sealed record Training(Guid Id, List<Enrolment> Enrolments, List<Line> Attendance, bool Held, decimal? AttendanceRate, decimal HoursAttended);

    private sealed record Enrolment(Guid ProjectId, string ProjectName);

    private sealed record Line(Guid ProjectId, string ParticipantName, string Status, decimal Hours);

    private sealed record Ids(List<Guid> Value);

    private sealed record Mine(Guid Id, string Title, Guid ProjectId, string? MyStatus);

    private sealed record Feed(string Url);

    internal static object Series(string firstStartsAt = "2027-03-04T09:30:00+01:00", int count = 10) => new
    {
        title = "Journée collective",
        topic = "Modèle économique, gouvernance, financement",
        firstStartsAt,
        durationHours = 7.5,
        count,
        venue = new { name = "La Cordonnerie", address = "2 rue des Alpes", town = "Romans-sur-Isère" },
        trainer = new { name = "Camille Roux", organisation = "URSCOP" },
        capacity = 12,
        mode = "Hybrid",
        remoteUrl = "https://visio.example.org/incubator",
    };

    [Fact]
    public async Task Given_a_monthly_series_and_an_approved_cohort_When_a_lead_fills_an_attendance_sheet_Then_the_calendar_enrolments_and_rates_follow()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        var series = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", Series());
        Assert.Equal(HttpStatusCode.Created, series.StatusCode);
        var ids = (await series.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(10, ids.Count);

        var (applicant, applicantId) = await _factory.ApplicantClientAsync();
        var (outsider, _) = await _factory.ApplicantClientAsync();
        var garage = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire", applicantUserId: applicantId);
        var tiersLieu = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Tiers-lieu de Die", "26");
        await lead.ApproveCohortAsync(_factory, season.Id, [garage, tiersLieu]);

        var list = (await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{season.Id}/trainings"))!;
        Assert.Equal(10, list.Count);
        Assert.All(list, s => Assert.Equal(2, s.EnrolledProjects));
        Assert.DoesNotContain(list, s => ParisMonth(s.StartsAt) == 8);
        Assert.Equal("Romans-sur-Isère", list[0].Venue.GetProperty("town").GetString());

        // A session planned after the approval enrols the cohort at once.
        var later = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", new
        {
            title = "Pitch devant les financeurs",
            startsAt = "2028-02-10T14:00:00+01:00",
            endsAt = "2028-02-10T17:00:00+01:00",
            venue = new { name = "La Cordonnerie", town = "Romans-sur-Isère" },
            capacity = 20,
            mode = "InPerson",
        });
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var laterSession = (await later.Content.ReadFromJsonAsync<Training>())!;
        Assert.Equal(new[] { garage, tiersLieu }.Order(), laterSession.Enrolments.Select(e => e.ProjectId).Order());
        Assert.Single((await lead.GetFromJsonAsync<List<JsonElement>>("/api/venues"))!, v => v.GetProperty("name").GetString() == "La Cordonnerie");

        var sheet = await lead.PutAsJsonAsync($"/api/trainings/{ids[0]}/attendance", new object[]
        {
            new { projectId = garage, participantName = "Awa Diallo", status = "Present" },
            new { projectId = garage, participantName = "Bruno Martin", status = "Remote", hours = 3.5 },
            new { projectId = tiersLieu, participantName = "Chloé Petit", status = "Excused" },
        });
        await sheet.EnsureSuccessAsync();
        var recorded = (await lead.GetFromJsonAsync<Training>($"/api/trainings/{ids[0]}"))!;
        Assert.True(recorded.Held);
        Assert.Equal(0.6667m, recorded.AttendanceRate);
        Assert.Equal(11m, recorded.HoursAttended);
        Assert.Equal(3, recorded.Attendance.Count);

        var badStatus = await lead.PutAsJsonAsync($"/api/trainings/{ids[0]}/attendance", new object[] { new { projectId = garage, participantName = "Awa", status = "Late" } });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True((await badStatus.ProblemAsync()).GetProperty("errors").TryGetProperty("[0].status", out _));
        var stranger = await lead.PutAsJsonAsync($"/api/trainings/{ids[0]}/attendance", new object[] { new { projectId = Guid.NewGuid(), participantName = "X", status = "Present" } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.True((await stranger.ProblemAsync()).GetProperty("errors").TryGetProperty("[0].projectId", out _));
        Assert.Equal(3, (await lead.GetFromJsonAsync<Training>($"/api/trainings/{ids[0]}"))!.Attendance.Count);

        // The sheet is published whole for the funders' report.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrainingsDbContext>();
            var published = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(nameof(TrainingAttendanceRecorded))).ToListAsync();
            Assert.Single(published, m => m.Payload.Contains(ids[0].ToString(), StringComparison.Ordinal));
        }

        // The applicant in the cohort sees their sessions; another applicant sees neither the season nor its calendar.
        var mine = (await applicant.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!;
        Assert.Equal(11, mine.Count);
        Assert.All(mine, m => Assert.Equal(garage, m.ProjectId));
        Assert.Equal("Present", mine.Single(m => m.Id == ids[0]).MyStatus);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/seasons/{season.Id}/trainings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/seasons/{season.Id}/trainings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/seasons/{season.Id}/trainings.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", Series())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PutAsJsonAsync($"/api/trainings/{ids[0]}/attendance", Array.Empty<object>())).StatusCode);

        // The season's calendar, parsed back.
        var ics = await applicant.GetAsync($"/api/seasons/{season.Id}/trainings.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        Assert.Equal(11, calendar.Events.Count);
        var first = calendar.Events.Single(e => e.Uid == $"{ids[0]:N}@incubator");
        Assert.Equal(list[0].StartsAt.UtcDateTime, first.Start!.AsUtc);
        Assert.Equal(list[0].EndsAt.UtcDateTime, first.End!.AsUtc);
        Assert.Contains("Romans-sur-Isère", first.Location, StringComparison.Ordinal);
        Assert.Equal("Journée collective", first.Summary);

        static int ParisMonth(DateTimeOffset instant) => Incubator.BuildingBlocks.Application.ParisTime.ToLocal(instant).Month;
    }

    [Fact]
    public async Task Given_bad_sessions_When_planned_Then_each_answer_names_the_field_and_nothing_is_saved()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);

        async Task AssertRefused(object body, string field, string path = "trainings")
        {
            var response = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/{path}", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        }

        var good = new { title = "Gouvernance", startsAt = "2027-04-01T09:30:00+02:00", endsAt = "2027-04-01T17:00:00+02:00", capacity = 12, mode = "Remote", remoteUrl = "https://visio.example.org/a" };
        await AssertRefused(good with { title = "" }, "title");
        await AssertRefused(good with { remoteUrl = "" }, "remoteUrl");
        await AssertRefused(good with { mode = "Telepathy" }, "mode");
        await AssertRefused(good with { capacity = 0 }, "capacity");
        await AssertRefused(good with { startsAt = "2029-01-10T09:30:00+01:00", endsAt = "2029-01-10T12:30:00+01:00" }, "startsAt");
        await AssertRefused(good with { endsAt = "2027-04-01T08:00:00+02:00" }, "endsAt");
        await AssertRefused(new { title = "Sur place", startsAt = good.startsAt, endsAt = good.endsAt, capacity = 12, mode = "InPerson" }, "venue");
        await AssertRefused(new { title = "Sur place", startsAt = good.startsAt, endsAt = good.endsAt, capacity = 12, mode = "InPerson", venue = new { name = "Tiers-lieu" } }, "venue.town");
        // Twenty monthly sessions from March 2027 run past the season's end (May 2028).
        await AssertRefused(Series(count: 20), "count", "trainings/series");

        Assert.Empty((await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{season.Id}/trainings"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/seasons/{Guid.NewGuid()}/trainings", good)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", good)).StatusCode);
    }

    [Fact]
    public async Task Given_a_cohort_approval_delivered_twice_and_announced_again_When_handled_Then_each_project_is_enrolled_once()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", Series(count: 3))).EnsureSuccessAsync();
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Ressourcerie");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();

        await Task.WhenAll(_factory.RunJobAsync("outbox:seasons"), _factory.RunJobAsync("outbox:seasons"));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // The same facts under a new message id: the module itself does not enrol twice.
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new CohortApproved(season.Id, Guid.NewGuid(),
                [new CohortProject(project, "Ressourcerie", "26", Guid.NewGuid())]) { OccurredAt = _factory.Clock.GetUtcNow() });
        }

        var list = (await lead.GetFromJsonAsync<List<Summary>>($"/api/seasons/{season.Id}/trainings"))!;
        Assert.Equal([1, 1, 1], list.Select(s => s.EnrolledProjects));
    }

    [Fact]
    public async Task Given_a_participant_When_subscribing_to_their_private_feed_Then_it_serves_their_sessions_without_sign_in_until_renewed()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(_factory, capacity: 6);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", Series(count: 2))).EnsureSuccessAsync();
        var (applicant, applicantId) = await _factory.ApplicantClientAsync();
        var (other, _) = await _factory.ApplicantClientAsync();
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Conserverie", applicantUserId: applicantId);
        await lead.ApproveCohortAsync(_factory, season.Id, [project]);

        var feed = (await applicant.GetFromJsonAsync<Feed>("/api/trainings/feed"))!;
        Assert.Equal(feed.Url, (await applicant.GetFromJsonAsync<Feed>("/api/trainings/feed"))!.Url);
        var anonymous = _factory.CreateClient();
        var served = await anonymous.GetAsync(new Uri(feed.Url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(2, Calendar.Load(await served.Content.ReadAsStringAsync())!.Events.Count);
        var othersFeed = (await other.GetFromJsonAsync<Feed>("/api/trainings/feed"))!;
        Assert.NotEqual(feed.Url, othersFeed.Url);
        Assert.Empty(Calendar.Load(await anonymous.GetStringAsync(new Uri(othersFeed.Url).PathAndQuery))!.Events);

        var renewed = await applicant.PostAsync("/api/trainings/feed/renew", null);
        var fresh = (await renewed.Content.ReadFromJsonAsync<Feed>())!;
        Assert.NotEqual(feed.Url, fresh.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(feed.Url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(fresh.Url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-real-token-at-all-0000.ics")).StatusCode);
    }
}

public sealed class TrainingsApiTestsOnSqlite(HostFixture fixture) : TrainingsApiTests(fixture), IClassFixture<HostFixture>;

public sealed class TrainingsApiTestsOnPostgreSql(PostgreSqlHostFixture fixture) : TrainingsApiTests(fixture), IClassFixture<PostgreSqlHostFixture>;
