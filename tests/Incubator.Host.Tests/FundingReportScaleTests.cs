using System.Net.Http.Json;
using Incubator.Funding.Domain;
using Incubator.Funding.Features;
using Incubator.Funding.Persistence;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public sealed class FundingReportScaleTests
{
    private static async Task SeedAsync(IncubatorFactory factory, Guid seasonId, int scale)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        var now = factory.Clock.GetUtcNow();
        var departments = new[] { "26", "07", "38", "05", "2A" };
        for (var i = 0; i < 100 * scale; i++)
        {
            db.Applications.Add(new ReportApplication(Guid.NewGuid(), seasonId, departments[i % departments.Length]) { SubmittedAt = now, WithdrawnAt = i % 10 == 0 ? now : null });
        }

        var projects = Enumerable.Range(0, 6 * scale).Select(i => new ReportProject(Guid.NewGuid(), seasonId, $"Projet {i}", departments[i % departments.Length], now)).ToList();
        db.Projects.AddRange(projects);
        for (var s = 0; s < 12 * scale; s++)
        {
            var session = Guid.NewGuid();
            db.TrainingSheets.Add(new ReportTrainingSheet(session, seasonId, now, 1));
            foreach (var p in projects.Take(6))
            {
                db.Attendance.Add(new ReportAttendance(session, seasonId, p.ProjectId, $"{p.ProjectId:N}", s % 4 != 0, 450));
            }
        }

        foreach (var p in projects)
        {
            for (var c = 0; c < 15; c++)
            {
                db.CoachingSessions.Add(new ReportCoachingSession(Guid.NewGuid(), p.ProjectId, seasonId, new DateOnly(2027, 4, 1).AddDays(c * 7), 90));
            }

            db.Milestones.Add(new ReportMilestone(p.ProjectId, "diagnostic", seasonId, new DateOnly(2027, 5, 1)));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Given_a_season_ten_times_larger_When_computing_the_funder_report_Then_the_same_number_of_SQL_commands()
    {
        var counter = new SqlCommandCounter<FundingDbContext>();
        using var factory = new IncubatorFactory(configure: s => s.AddSingleton<IInterceptor>(counter));
        var lead = await factory.AdminClientAsync();
        var small = await lead.SeasonInSelectionAsync(factory);
        var large = await lead.SeasonInSelectionAsync(factory);
        await SeedAsync(factory, small.Id, 1);
        await SeedAsync(factory, large.Id, 10);
        var funder = await FundingApiTests.FunderAsync(lead);
        foreach (var season in new[] { small.Id, large.Id })
        {
            await (await lead.PostAsJsonAsync("/api/funding-agreements", new
            {
                funderId = funder, seasonId = season, amount = 30000m, signedOn = "2026-11-02",
                tranches = new[] { new { amount = 20000m, dueOn = "2026-12-15" }, new { amount = 10000m, dueOn = "2027-12-01" } },
            })).EnsureSuccessAsync();
        }

        async Task<(int Commands, FunderReportDto Report)> ReportAsync(Guid seasonId)
        {
            await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{seasonId}/funder-report"); // warm
            counter.Reset();
            var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{seasonId}/funder-report"))!;
            return (counter.Count, report);
        }

        var (smallCommands, smallReport) = await ReportAsync(small.Id);
        var (largeCommands, largeReport) = await ReportAsync(large.Id);

        Assert.Equal(smallCommands, largeCommands);
        Assert.InRange(largeCommands, 1, 8);
        Assert.Equal((100, 90, 6), (smallReport.ApplicationsSubmitted, smallReport.ApplicationsReceived, smallReport.ProjectsAccompanied));
        Assert.Equal((1000, 900, 60), (largeReport.ApplicationsSubmitted, largeReport.ApplicationsReceived, largeReport.ProjectsAccompanied));
        Assert.Equal(90, largeReport.TrainingSessionsHeld);
        Assert.Equal(900 * 15 * 1.5m / 900 * 60, largeReport.CoachingHours);
        Assert.Equal(0.75m, largeReport.AttendanceRate);
    }

    [Fact]
    public async Task Given_deadlines_ahead_When_the_reminder_job_runs_every_day_Then_the_leads_hear_30_and_7_days_before_each_once()
    {
        using var factory = new IncubatorFactory();
        var lead = await factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(factory);
        var funder = await FundingApiTests.FunderAsync(lead, "Département de la Drôme", "Department");
        var agreement = await lead.PostAsJsonAsync("/api/funding-agreements", new
        {
            funderId = funder, seasonId = season.Id, amount = 12000m, signedOn = "2026-11-20", reportDueOn = "2027-03-31",
            tranches = new[] { new { amount = 6000m, dueOn = "2027-01-15" }, new { amount = 6000m, dueOn = "2027-06-15" } },
        });
        var agreementId = (await agreement.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await lead.PostAsJsonAsync($"/api/funding-agreements/{agreementId}/tranches/1/received", new { receivedOn = "2026-11-24" })).EnsureSuccessAsync();

        // Every morning from now to the end of March, the job runs (twice some days) and the outbox delivers.
        for (var day = new DateTimeOffset(2026, 11, 26, 6, 30, 0, TimeSpan.Zero); day <= new DateTimeOffset(2027, 4, 2, 6, 30, 0, TimeSpan.Zero); day = day.AddDays(1))
        {
            factory.Clock.SetUtcNow(day);
            await factory.RunJobAsync("funding:reminders");
            if (day.Day % 5 == 0)
            {
                await Task.WhenAll(factory.RunJobAsync("funding:reminders"), factory.RunJobAsync("funding:reminders"));
            }

            await factory.RunJobAsync("outbox:funding");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var mails = await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.Subject.Contains("Département de la Drôme")).OrderBy(m => m.CreatedAt).ToListAsync();
        // Tranche 1 (15 January) and the report (31 March), 30 and 7 days before; tranche 2 was received early. One lead: the admin.
        Assert.Equal(
            [new DateOnly(2026, 12, 16), new DateOnly(2027, 1, 8), new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 24)],
            mails.Select(m => DateOnly.FromDateTime(m.CreatedAt.UtcDateTime)));
        Assert.Contains("tranche 1 (6 000,00 €)", mails[0].TextBody.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("le bilan « Bilan »", mails[2].TextBody, StringComparison.Ordinal);
    }
}
