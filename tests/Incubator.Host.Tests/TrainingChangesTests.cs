using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>A training day moved or cancelled (issue 25): the participants are told once, their calendars follow, the reminders follow the new date.</summary>
public abstract class TrainingChangesTests(DatabaseProvider provider)
{
    private const string ApplicantPassword = "Applicant-Password-1";

    private sealed record Training(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string? ChangeReason, int Sequence, List<Enrolment> Enrolments);

    private sealed record Enrolment(Guid ProjectId);

    private sealed record Mine(Guid Id, string Status, string? ChangeReason);

    private sealed record Feed(string Url);

    private static object Day(string startsAt = "2027-04-01T09:30:00+02:00", string endsAt = "2027-04-01T17:00:00+02:00") => new
    {
        title = "Gouvernance partagée",
        startsAt,
        endsAt,
        venue = new { name = "Tiers-lieu La Fabrique", address = "12 place du Marché", town = "Die" },
        capacity = 12,
        mode = "InPerson",
    };

    /// <summary>A season with a cohort of two projects (two applicants) and one training day they are enrolled in.</summary>
    private static async Task<(HttpClient Lead, string ApplicantEmail, Guid Season, Training Training)> PlannedAsync(IncubatorFactory factory)
    {
        var lead = await factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(factory, capacity: 6);
        var applicantEmail = $"porteuse-{Guid.NewGuid():N}@test.local";
        await (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = applicantEmail, password = ApplicantPassword })).EnsureSuccessAsync();
        var applicantId = (await (await factory.ClientForAsync(applicantEmail, ApplicantPassword)).GetFromJsonAsync<IdResponse>("/api/users/me"))!.Id;
        var (_, otherId) = await factory.ApplicantClientAsync();
        var first = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire", applicantUserId: applicantId);
        var second = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Conserverie", applicantUserId: otherId);
        await lead.ApproveCohortAsync(factory, season.Id, [first, second]);
        var planned = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", Day());
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var training = (await planned.Content.ReadFromJsonAsync<Training>())!;
        Assert.Equal(2, training.Enrolments.Count);
        return (lead, applicantEmail, season.Id, training);
    }

    /// <summary>The lead and the first applicant again: a token lives for hours, and the tests move the clock by months.</summary>
    private static async Task<(HttpClient Lead, HttpClient Applicant)> SignedInAgainAsync(IncubatorFactory factory, string applicantEmail) =>
        (await factory.AdminClientAsync(), await factory.ClientForAsync(applicantEmail, ApplicantPassword));

    private static async Task<List<OutgoingMail>> MailsAsync(IncubatorFactory factory, string subjectStart)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.Subject.StartsWith(subjectStart)).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    /// <summary>The reminders job and the delivery of the module's outbox, each twice at once and once more: nothing may be sent twice.</summary>
    private static async Task RunJobsAsync(IncubatorFactory factory)
    {
        await Task.WhenAll(factory.RunJobAsync("trainings:reminders"), factory.RunJobAsync("trainings:reminders"));
        await factory.RunJobAsync("trainings:reminders");
        await Task.WhenAll(factory.RunJobAsync("outbox:trainings"), factory.RunJobAsync("outbox:trainings"));
        await factory.RunJobAsync("outbox:trainings");
    }

    [Fact]
    public async Task Given_a_reminded_training_day_When_a_lead_moves_it_two_weeks_later_Then_each_participant_is_told_once_the_calendars_update_and_the_reminders_follow_the_new_date()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (_, applicantEmail, seasonId, training) = await PlannedAsync(factory);
        factory.Clock.SetUtcNow(training.StartsAt.AddDays(-7).AddMinutes(10));
        var (lead, applicant) = await SignedInAgainAsync(factory, applicantEmail);
        await RunJobsAsync(factory);
        Assert.Equal(2, (await MailsAsync(factory, "Formation dans une semaine")).Count);

        var moved = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new
        {
            startsAt = "2027-04-15T09:30:00+02:00",
            endsAt = "2027-04-15T16:30:00+02:00",
            reason = "La salle est prise par le conseil municipal ce jour-là.",
        });
        await moved.EnsureSuccessAsync();
        var after = (await moved.Content.ReadFromJsonAsync<Training>())!;
        Assert.Equal(("Moved", 1, 2), (after.Status, after.Sequence, after.Enrolments.Count));
        Assert.Equal(new DateTimeOffset(2027, 4, 15, 7, 30, 0, TimeSpan.Zero), after.StartsAt);

        await RunJobsAsync(factory);
        var told = await MailsAsync(factory, "Formation modifiée");
        Assert.Equal(2, told.Count);
        Assert.Equal(2, told.Select(m => m.To).Distinct().Count());
        var mail = told[0];
        Assert.Contains("le 15/04/2027 de 09:30 à 16:30 (heure de Paris), au lieu du 01/04/2027 de 09:30 à 17:00", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Raison : La salle est prise par le conseil municipal ce jour-là.", mail.TextBody, StringComparison.Ordinal);
        var invitation = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(mail.AttachmentContent!))!.Events);
        Assert.Equal(($"{training.Id:N}@incubator", 1), (invitation.Uid, invitation.Sequence));
        Assert.Equal(after.StartsAt.UtcDateTime, invitation.Start!.AsUtc);

        // The season's feed and the participant's own feed carry the same event, one revision later, at its new date.
        var season = Calendar.Load(await lead.GetStringAsync($"/api/seasons/{seasonId}/trainings.ics"))!.Events.Single();
        var feed = (await applicant.GetFromJsonAsync<Feed>("/api/trainings/feed"))!;
        var personal = Calendar.Load(await factory.CreateClient().GetStringAsync(new Uri(feed.Url).PathAndQuery))!.Events.Single();
        Assert.All(new[] { season, personal }, e => Assert.Equal((invitation.Uid, 1, after.StartsAt.UtcDateTime, "CONFIRMED"), (e.Uid, e.Sequence, e.Start!.AsUtc, e.Status)));
        var mine = Assert.Single((await applicant.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!);
        Assert.Equal(("Moved", "La salle est prise par le conseil municipal ce jour-là."), (mine.Status, mine.ChangeReason));

        // The old date's day-before passes without a reminder; the new date's week and day reminders each come once.
        factory.Clock.SetUtcNow(training.StartsAt.AddHours(-20));
        await RunJobsAsync(factory);
        Assert.Empty(await MailsAsync(factory, "Formation demain"));
        Assert.Equal(2, (await MailsAsync(factory, "Formation dans une semaine")).Count);
        factory.Clock.SetUtcNow(after.StartsAt.AddDays(-7).AddMinutes(10));
        await RunJobsAsync(factory);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await RunJobsAsync(factory);
        var weekly = await MailsAsync(factory, "Formation dans une semaine");
        Assert.Equal(4, weekly.Count);
        Assert.All(weekly.Skip(2), m => Assert.Contains("le 15/04/2027 de 09:30 à 16:30", m.TextBody, StringComparison.Ordinal));
        factory.Clock.SetUtcNow(after.StartsAt.AddHours(-20));
        await RunJobsAsync(factory);
        factory.Clock.SetUtcNow(after.StartsAt.AddHours(-2));
        await RunJobsAsync(factory);
        Assert.Equal(2, (await MailsAsync(factory, "Formation demain")).Count);
        Assert.Equal(2, (await MailsAsync(factory, "Formation modifiée")).Count);
    }

    [Fact]
    public async Task Given_a_training_day_When_a_lead_cancels_it_Then_each_participant_is_told_once_the_calendars_show_it_cancelled_and_no_reminder_comes()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, applicantEmail, seasonId, training) = await PlannedAsync(factory);
        var applicant = await factory.ClientForAsync(applicantEmail, ApplicantPassword);

        var cancelled = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/cancel", new { reason = "L'intervenante est malade ; la journée sera reprogrammée." });
        await cancelled.EnsureSuccessAsync();
        var after = (await cancelled.Content.ReadFromJsonAsync<Training>())!;
        Assert.Equal(("Cancelled", 1, 2), (after.Status, after.Sequence, after.Enrolments.Count));

        await RunJobsAsync(factory);
        var told = await MailsAsync(factory, "Formation annulée");
        Assert.Equal(2, told.Count);
        Assert.Contains("du 01/04/2027 de 09:30 à 17:00 (heure de Paris) est annulée", told[0].TextBody, StringComparison.Ordinal);
        var invitation = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(told[0].AttachmentContent!))!.Events);
        Assert.Equal(("CANCELLED", 1), (invitation.Status, invitation.Sequence));
        var season = Calendar.Load(await lead.GetStringAsync($"/api/seasons/{seasonId}/trainings.ics"))!.Events.Single();
        var feed = (await applicant.GetFromJsonAsync<Feed>("/api/trainings/feed"))!;
        var personal = Calendar.Load(await factory.CreateClient().GetStringAsync(new Uri(feed.Url).PathAndQuery))!.Events.Single();
        Assert.All(new[] { season, personal }, e => Assert.Equal(($"{training.Id:N}@incubator", 1, "CANCELLED"), (e.Uid, e.Sequence, e.Status)));

        factory.Clock.SetUtcNow(training.StartsAt.AddDays(-7).AddMinutes(10));
        await RunJobsAsync(factory);
        factory.Clock.SetUtcNow(training.StartsAt.AddHours(-20));
        await RunJobsAsync(factory);
        Assert.Empty(await MailsAsync(factory, "Formation dans une semaine"));
        Assert.Empty(await MailsAsync(factory, "Formation demain"));
        (lead, _) = await SignedInAgainAsync(factory, applicantEmail);

        // Cancelled stays cancelled: no second cancellation, no move, no attendance sheet.
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/cancel", new { reason = "Encore" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { startsAt = "2027-04-08T09:30:00+02:00", endsAt = "2027-04-08T17:00:00+02:00", reason = "Reprise" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync($"/api/trainings/{training.Id}/attendance", new[] { new { projectId = after.Enrolments[0].ProjectId, participantName = "Camille", status = "Present" } })).StatusCode);
        Assert.Equal(2, (await MailsAsync(factory, "Formation annulée")).Count);
    }

    [Fact]
    public async Task Given_the_reminders_job_held_between_reading_the_session_and_writing_its_reminders_When_the_lead_moves_the_session_meanwhile_Then_no_reminder_of_the_old_date_goes_and_the_new_date_is_reminded_once()
    {
        var holds = new Holds();
        using var factory = new IncubatorFactory(provider: provider, configure: s => s.AddSingleton<IInterceptor>(holds));
        var (_, applicantEmail, _, training) = await PlannedAsync(factory);
        factory.Clock.SetUtcNow(training.StartsAt.AddDays(-7).AddMinutes(10));
        var (lead, _) = await SignedInAgainAsync(factory, applicantEmail);
        var hold = holds.Arm(Hold.BeforeSaving<TrainingsDbContext>(db => db.ChangeTracker.Entries<Incubator.Trainings.Domain.Enrolment>().Any(e => e.State == EntityState.Modified)));

        var job = factory.RunJobAsync("trainings:reminders");
        await hold.Reached; // the job has read the session at its old date and marked both reminders, not yet saved
        await (await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new
        {
            startsAt = "2027-04-15T09:30:00+02:00",
            endsAt = "2027-04-15T17:00:00+02:00",
            reason = "Le formateur a un empêchement.",
        })).EnsureSuccessAsync();
        hold.Release();
        await job; // its save finds the session changed and writes nothing

        await RunJobsAsync(factory);
        Assert.Empty(await MailsAsync(factory, "Formation dans une semaine"));
        Assert.Equal(2, (await MailsAsync(factory, "Formation modifiée")).Count);
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 8, 7, 40, 0, TimeSpan.Zero));
        await RunJobsAsync(factory);
        var weekly = await MailsAsync(factory, "Formation dans une semaine");
        Assert.Equal(2, weekly.Count);
        Assert.All(weekly, m => Assert.Contains("le 15/04/2027 de 09:30 à 17:00", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_held_session_or_a_bad_change_When_a_lead_tries_Then_a_clear_answer_and_nothing_changes_or_is_sent()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, _, _, training) = await PlannedAsync(factory);

        var noReason = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { startsAt = "2027-04-08T09:30:00+02:00", endsAt = "2027-04-08T17:00:00+02:00" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var outOfSeason = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { startsAt = "2031-04-08T09:30:00+02:00", endsAt = "2031-04-08T17:00:00+02:00", reason = "Plus tard" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfSeason.StatusCode);
        Assert.True((await outOfSeason.ProblemAsync()).GetProperty("errors").TryGetProperty("startsAt", out _));
        var remoteWithoutLink = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { mode = "Remote", reason = "En visio" });
        Assert.Equal(HttpStatusCode.BadRequest, remoteWithoutLink.StatusCode);
        Assert.True((await remoteWithoutLink.ProblemAsync()).GetProperty("errors").TryGetProperty("remoteUrl", out _));
        var same = await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { startsAt = training.StartsAt, reason = "Rien ne change" });
        await same.EnsureSuccessAsync();
        var unchanged = (await same.Content.ReadFromJsonAsync<Training>())!;
        Assert.Equal(("Planned", 0), (unchanged.Status, unchanged.Sequence));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/trainings/{Guid.NewGuid()}/cancel", new { reason = "?" })).StatusCode);

        var (applicant, _) = await factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/trainings/{training.Id}/cancel", new { reason = "Je ne viens pas" })).StatusCode);

        await (await lead.PutAsJsonAsync($"/api/trainings/{training.Id}/attendance", new[] { new { projectId = training.Enrolments[0].ProjectId, participantName = "Camille", status = "Present" } })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/cancel", new { reason = "Trop tard" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/trainings/{training.Id}/move", new { startsAt = "2027-04-08T09:30:00+02:00", endsAt = "2027-04-08T17:00:00+02:00", reason = "Trop tard" })).StatusCode);

        await RunJobsAsync(factory);
        Assert.Empty(await MailsAsync(factory, "Formation modifiée"));
        Assert.Empty(await MailsAsync(factory, "Formation annulée"));
        var now = (await lead.GetFromJsonAsync<Training>($"/api/trainings/{training.Id}"))!;
        Assert.Equal(("Planned", 0, training.StartsAt), (now.Status, now.Sequence, now.StartsAt));
    }
}

public sealed class TrainingChangesTestsOnSqlite() : TrainingChangesTests(DatabaseProvider.Sqlite);

public sealed class TrainingChangesTestsOnPostgreSql() : TrainingChangesTests(DatabaseProvider.PostgreSql);
