using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public sealed class CoachingDigestTests
{
    private sealed record MyProject(Guid ProjectId, string ProjectName);

    [Fact]
    public async Task Given_projects_not_seen_for_four_weeks_When_the_digest_runs_twice_in_a_week_Then_each_coach_gets_one_mail_naming_them()
    {
        using var factory = new IncubatorFactory();
        var lead = await factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(factory, capacity: 6);
        var (coach, coachId) = await factory.UserClientAsync(Roles.Coach);
        var (_, partnerId) = await factory.UserClientAsync(Roles.Coach);
        await (await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachId, partnerId } })).EnsureSuccessAsync();
        var ids = new List<Guid>();
        foreach (var name in new[] { "Garage solidaire", "Épicerie mobile" })
        {
            ids.Add(await factory.DecideAsync(season.Id, ApplicationDecision.Selected, name));
        }

        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = ids })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();
        await factory.RunJobAsync("outbox:seasons");
        var projects = (await coach.GetFromJsonAsync<List<MyProject>>("/api/coaching/projects/mine"))!;
        var seen = projects.Single(p => p.ProjectName == "Épicerie mobile").ProjectId;
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        await (await coach.PostAsJsonAsync($"/api/coaching/projects/{seen}/sessions",
            new { date = today, durationMinutes = 60, format = "Phone", nextMeetingOn = today.AddDays(34) })).EnsureSuccessAsync();

        // Nearly five weeks later, a Monday morning: neither project has been seen for four weeks; the grocery meets this week.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 6, 0, 0, TimeSpan.Zero));
        await factory.RunJobAsync("coaching:weekly-digest");
        await factory.RunJobAsync("coaching:weekly-digest");
        await factory.RunJobAsync("outbox:coaching");
        await factory.RunJobAsync("outbox:coaching");

        await using var scope = factory.Services.CreateAsyncScope();
        var mails = await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.Subject.StartsWith("Votre semaine d'accompagnement")).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.Equal(2, mails.Select(m => m.To).Distinct().Count());
        Assert.All(mails, m =>
        {
            Assert.Contains("- Garage solidaire (jamais vu / never seen)", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("- Épicerie mobile (25/11/2026)", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("29/12/2026 : Épicerie mobile", m.TextBody, StringComparison.Ordinal);
        });

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.RunJobAsync("coaching:weekly-digest");
        await factory.RunJobAsync("outbox:coaching");
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.CountAsync(m => m.Subject.StartsWith("Votre semaine d'accompagnement")));
    }
}
