using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Incubator.Applications.Contracts;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public sealed class TrainingRemindersTests
{
    private sealed record Training(Guid Id, DateTimeOffset StartsAt);

    [Fact]
    public async Task Given_an_enrolled_participant_When_the_reminder_job_runs_again_and_again_Then_one_mail_seven_days_before_and_one_the_day_before_each_with_the_invitation()
    {
        using var factory = new IncubatorFactory();
        var lead = await factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(factory, capacity: 6);
        var (_, applicantId) = await factory.ApplicantClientAsync();
        var project = await factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Garage solidaire", applicantUserId: applicantId);
        await lead.ApproveCohortAsync(factory, season.Id, [project]);
        var planned = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", new
        {
            title = "Gouvernance partagée",
            startsAt = "2027-04-01T09:30:00+02:00",
            endsAt = "2027-04-01T17:00:00+02:00",
            venue = new { name = "Tiers-lieu La Fabrique", address = "12 place du Marché", town = "Die" },
            capacity = 12,
            mode = "Hybrid",
            remoteUrl = "https://visio.example.org/gouvernance",
        });
        var training = (await planned.Content.ReadFromJsonAsync<Training>())!;

        async Task<List<OutgoingMail>> RemindersAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
                .Where(m => m.Subject.StartsWith("Formation")).OrderBy(m => m.CreatedAt).ToListAsync();
        }

        async Task RunAsync()
        {
            await Task.WhenAll(factory.RunJobAsync("trainings:reminders"), factory.RunJobAsync("trainings:reminders"));
            await factory.RunJobAsync("trainings:reminders");
            await Task.WhenAll(factory.RunJobAsync("outbox:trainings"), factory.RunJobAsync("outbox:trainings"));
        }

        factory.Clock.SetUtcNow(training.StartsAt.AddDays(-8));
        await RunAsync();
        Assert.Empty(await RemindersAsync());

        factory.Clock.SetUtcNow(training.StartsAt.AddDays(-7).AddMinutes(10));
        await RunAsync();
        factory.Clock.Advance(TimeSpan.FromHours(6));
        await RunAsync();
        var week = Assert.Single(await RemindersAsync());
        Assert.Contains("dans une semaine", week.Subject, StringComparison.Ordinal);
        Assert.Contains("le 01/04/2027 de 09:30 à 17:00", week.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tiers-lieu La Fabrique, 12 place du Marché, Die", week.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://visio.example.org/gouvernance", week.TextBody, StringComparison.Ordinal);
        Assert.Equal("formation.ics", week.AttachmentName);
        var invitation = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(week.AttachmentContent!))!.Events);
        Assert.Equal(training.StartsAt.UtcDateTime, invitation.Start!.AsUtc);
        Assert.Equal($"{training.Id:N}@incubator", invitation.Uid);

        factory.Clock.SetUtcNow(training.StartsAt.AddHours(-23));
        await RunAsync();
        factory.Clock.SetUtcNow(training.StartsAt.AddHours(-1));
        await RunAsync();
        factory.Clock.SetUtcNow(training.StartsAt.AddHours(2));
        await RunAsync();
        var all = await RemindersAsync();
        Assert.Equal(2, all.Count);
        Assert.Contains("demain", all[1].Subject, StringComparison.Ordinal);
        Assert.All(all, m => Assert.EndsWith("@test.local", m.To, StringComparison.Ordinal));
    }
}
