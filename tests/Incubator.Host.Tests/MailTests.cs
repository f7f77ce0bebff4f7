using System.Net.Http.Json;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>The e-mail pipeline against a real SMTP listener: event → outgoing-mail table → Hangfire job → SMTP.</summary>
public sealed class MailTests
{
    private sealed class SmtpFactory(int? smtpPort) : IncubatorFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (smtpPort is { } port)
            {
                builder.UseSetting("Incubator:Smtp:Host", "127.0.0.1");
                builder.UseSetting("Incubator:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Incubator:Smtp:Security", "None");
            }
        }
    }

    private static async Task<(Guid ApplicationId, string Email)> SubmitAsync(IncubatorFactory factory)
    {
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (applicant, _) = await factory.ApplicantClientAsync();
        var id = await applicant.SubmitAsync(season.Id, "Épicerie solidaire de Nyons");
        var me = await applicant.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/users/me");
        return (id, me.GetProperty("email").GetString()!);
    }

    private static async Task<List<OutgoingMail>> MailsAsync(IncubatorFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Given_a_submitted_application_When_the_jobs_run_twice_at_once_Then_the_applicant_receives_one_confirmation()
    {
        using var smtp = new SmtpListener();
        using var factory = new SmtpFactory(smtp.Port);
        var (_, email) = await SubmitAsync(factory);

        await factory.RunJobAsync("outbox:applications");
        await factory.RunJobAsync("outbox:applications");
        await Task.WhenAll(factory.RunJobAsync(MailDeliveryJob.JobId), factory.RunJobAsync(MailDeliveryJob.JobId));
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        await Eventually.AssertAsync(() => Task.FromResult(smtp.Messages.Count >= 1), TimeSpan.FromSeconds(5), "the confirmation reaches the SMTP listener");
        await Task.Delay(300);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Épicerie solidaire de Nyons", message.Subject ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Nous avons bien reçu", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await MailsAsync(factory)).SentAt);
    }

    [Fact]
    public async Task Given_a_decision_When_delivered_Then_the_applicant_reads_it_with_its_reason()
    {
        using var smtp = new SmtpListener();
        using var factory = new SmtpFactory(smtp.Port);
        var (id, email) = await SubmitAsync(factory);
        var lead = await factory.AdminClientAsync();
        var seasonId = (await lead.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/applications/{id}")).GetProperty("seasonId").GetGuid();
        await (await lead.PostAsync($"/api/seasons/{seasonId}/close-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{id}/decision", new { decision = "reject", reason = "Le projet est hors du territoire du programme." })).EnsureSuccessAsync();

        await factory.RunJobAsync("outbox:applications");
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        await Eventually.AssertAsync(() => Task.FromResult(smtp.Messages.Count >= 2), TimeSpan.FromSeconds(5), "both mails reach the SMTP listener");
        var decision = Assert.Single(smtp.Messages, m => (m.Subject ?? string.Empty).Contains("n'est pas retenue", StringComparison.Ordinal));
        Assert.Equal(email, decision.To.Mailboxes.Single().Address);
        Assert.Contains("hors du territoire", decision.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_SMTP_server_down_When_delivering_Then_the_error_is_kept_and_a_later_run_delivers_once()
    {
        var port = SmtpListener.FreePort(); // nobody listening there yet
        using var factory = new SmtpFactory(port);
        await SubmitAsync(factory);
        await factory.RunJobAsync("outbox:applications");

        await factory.RunJobAsync(MailDeliveryJob.JobId);
        var failed = Assert.Single(await MailsAsync(factory));
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        using var smtp = new SmtpListenerOn(port);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.RunJobAsync(MailDeliveryJob.JobId);
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        await Eventually.AssertAsync(() => Task.FromResult(smtp.Listener.Messages.Count >= 1), TimeSpan.FromSeconds(5), "delivered after the retry");
        Assert.Single(smtp.Listener.Messages);
        Assert.NotNull(Assert.Single(await MailsAsync(factory)).SentAt);
    }

    [Fact]
    public async Task Given_no_SMTP_server_configured_When_delivering_Then_an_eml_file_is_written_into_the_data_folder()
    {
        using var factory = new SmtpFactory(null);
        await SubmitAsync(factory);

        await factory.RunJobAsync("outbox:applications");
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Contains("Épicerie solidaire de Nyons", message.Subject ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<List<Guid>> QueueMailsAsync(IncubatorFactory factory, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDb>();
        var now = factory.Clock.GetUtcNow();
        var mails = Enumerable.Range(0, count)
            .Select(i => new OutgoingMail($"porteur{i}@example.org", $"Rappel n°{i}", "Bonjour,", now))
            .ToList();
        db.OutgoingMails.AddRange(mails);
        await db.SaveChangesAsync();
        return mails.Select(m => m.Id).ToList();
    }

    [Fact]
    public async Task Given_more_mails_than_a_batch_When_two_runs_deliver_at_once_Then_each_mail_is_sent_once()
    {
        using var smtp = new SmtpListener();
        using var factory = new SmtpFactory(smtp.Port);
        var count = MailDeliveryJob.BatchSize + 15;
        await QueueMailsAsync(factory, count);

        await Task.WhenAll(factory.RunJobAsync(MailDeliveryJob.JobId), factory.RunJobAsync(MailDeliveryJob.JobId));
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        await Eventually.AssertAsync(() => Task.FromResult(smtp.Messages.Count >= count), TimeSpan.FromSeconds(10), "every mail reaches the SMTP listener");
        await Task.Delay(300);
        Assert.Equal(count, smtp.Messages.Count);
        Assert.Equal(count, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        var mails = await MailsAsync(factory);
        Assert.All(mails, m => Assert.Equal((1, (Guid?)null), (m.Attempts, m.ClaimedBy)));
        Assert.All(mails, m => Assert.NotNull(m.SentAt));
    }

    /// <summary>
    /// A batch reads back the mails it claimed by their keys. The claim's column has no index: looked up alone, it read
    /// every mail ever kept once per batch (the benchmark's 717,000 mails: 2,800 page reads per mail sent, and 70 to 250
    /// mails a second). SQLite's plan is fixed by the query's shape, so it is checked there; PostgreSQL's depends on its
    /// statistics.
    /// </summary>
    [Fact]
    public async Task Given_a_batch_claimed_When_its_mails_are_read_back_Then_SQLite_finds_them_by_key_rather_than_reading_every_mail()
    {
        using var factory = new IncubatorFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDb>();
        var claimed = MailDeliveryJob.Claimed(db.OutgoingMails, [Guid.NewGuid(), Guid.NewGuid()], Guid.NewGuid());

        var readBack = await PlanAsync(db, claimed.OrderBy(m => m.CreatedAt));
        var renewal = await PlanAsync(db, claimed.Where(m => m.SentAt == null));
        var byClaimAlone = await PlanAsync(db, db.OutgoingMails.Where(m => m.ClaimedBy == Guid.Empty));

        Assert.Contains(byClaimAlone, step => step.StartsWith("SCAN ", StringComparison.Ordinal)); // the plan tells a scan
        foreach (var plan in new[] { readBack, renewal })
        {
            // (a list of keys sent as one JSON parameter would be scanned itself, which is as cheap)
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("json_each", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.StartsWith("SEARCH ", StringComparison.Ordinal) && step.EndsWith("USING INDEX sqlite_autoindex_OutgoingMails_1 (Id=?)", StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> PlanAsync(MailDb db, IQueryable<OutgoingMail> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return steps;
    }

    [Fact]
    public async Task Given_a_mail_claimed_by_a_run_that_stopped_When_delivering_Then_it_waits_for_the_claim_to_lapse_and_is_sent_once()
    {
        using var smtp = new SmtpListener();
        using var factory = new SmtpFactory(smtp.Port);
        var ids = await QueueMailsAsync(factory, 2);
        var held = ids[0];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // What a run leaves behind when its process stops mid-batch: the claim, and no send.
            var until = factory.Clock.GetUtcNow() + MailDeliveryJob.Lease;
            await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.Where(m => m.Id == held)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Guid.NewGuid()).SetProperty(m => m.ClaimedUntil, until));
        }

        await factory.RunJobAsync(MailDeliveryJob.JobId);
        await Eventually.AssertAsync(() => Task.FromResult(smtp.Messages.Count >= 1), TimeSpan.FromSeconds(5), "the mail nobody holds is sent");
        await Task.Delay(300);
        Assert.Single(smtp.Messages);
        Assert.Null((await MailsAsync(factory)).Single(m => m.Id == held).SentAt);

        factory.Clock.Advance(MailDeliveryJob.Lease + TimeSpan.FromSeconds(1));
        await factory.RunJobAsync(MailDeliveryJob.JobId);
        await factory.RunJobAsync(MailDeliveryJob.JobId);

        await Eventually.AssertAsync(() => Task.FromResult(smtp.Messages.Count >= 2), TimeSpan.FromSeconds(5), "the held mail is sent once its claim lapsed");
        await Task.Delay(300);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.NotNull((await MailsAsync(factory)).Single(m => m.Id == held).SentAt);
    }

    /// <summary>A listener on a given port (the one a failed delivery tried).</summary>
    private sealed class SmtpListenerOn(int port) : IDisposable
    {
        public SmtpListener Listener { get; } = new(port);

        public void Dispose() => Listener.Dispose();
    }
}
