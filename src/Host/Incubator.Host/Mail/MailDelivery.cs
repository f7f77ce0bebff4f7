using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Incubator.Host.Mail;

/// <summary>Bound from <c>Incubator:Smtp</c>; with no host, mails are written as .eml files into the data folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, Auto (STARTTLS when offered), StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "Auto";

    public string From { get; set; } = "Incubator <no-reply@incubator.local>";
}

/// <summary>
/// Delivers pending mails: each is claimed by one run just before it is sent (so two runs never send the
/// same mail), then sent over SMTP with MailKit or written as an .eml file; a failure is kept and retried later.
/// A crash between the SMTP server's acceptance and the commit sends that one mail again, with the same
/// Message-ID; nothing else can be sent twice, and nothing is lost.
/// </summary>
internal sealed partial class MailDeliveryJob(
    MailDb db,
    IOptions<SmtpOptions> smtp,
    DatabaseOptions database,
    TimeProvider time,
    ILogger<MailDeliveryJob> logger) : IScheduledJob
{
    public const string JobId = "mail:deliver";
    private const int BatchSize = 50;

    /// <summary>The SMTP client gives up on each step (connect, authenticate, send) after this; the claim outlasts them.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public string Id => JobId;

    public string Cron => "*/10 * * * * *";

    /// <summary>
    /// Batch after batch while they are full and all delivered (a rush of submissions leaves hundreds of
    /// confirmations to send); a failure ends the run, and the failed mails wait for their retry time.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
        while (await DeliverBatchAsync(client, cancellationToken))
        {
            db.ChangeTracker.Clear();
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    /// <summary>True when the batch was full and every mail of it went: there may be more.</summary>
    private async Task<bool> DeliverBatchAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return false;
        }

        var settled = 0;
        foreach (var id in candidates)
        {
            // Each mail is claimed just before it is sent, for a little longer than a send may take: another run skips
            // it meanwhile, and if this process dies mid-send, only this one waits for its claim to lapse and is sent
            // again after the restart.
            var claim = Guid.NewGuid();
            var claimedAt = time.GetUtcNow();
            var claimed = await db.WriteAsync(ct => db.OutgoingMails
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, claimedAt + ClaimFor), ct), cancellationToken);
            if (claimed == 0)
            {
                settled++; // another run has it
                continue;
            }

            var mail = await db.OutgoingMails.SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await DeliverAsync(client, ToMime(mail), cancellationToken);
                mail.MarkSent(time.GetUtcNow());
                settled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.MarkFailed(time.GetUtcNow(), ex.Message);
                LogFailed(logger, ex, mail.Id, mail.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return candidates.Count == BatchSize && settled == candidates.Count;
    }

    private async Task DeliverAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            var folder = Path.Combine(Path.GetFullPath(database.DataDirectory), "mail");
            Directory.CreateDirectory(folder);
            await message.WriteToAsync(Path.Combine(folder, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml"), cancellationToken);
            return;
        }

        if (!client.IsConnected)
        {
            var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed
                : options.Security.Equals("Auto", StringComparison.OrdinalIgnoreCase) ? SecureSocketOptions.StartTlsWhenAvailable
                : SecureSocketOptions.Auto;
            await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            }
        }

        await client.SendAsync(message, cancellationToken);
    }

    private MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = $"{mail.Id:N}@incubator"; // the same on a retry: receivers can tell it is one mail
        message.Date = mail.CreatedAt;
        var body = new BodyBuilder { TextBody = mail.TextBody };
        if (mail.AttachmentContent is { } content && mail.AttachmentName is { } name)
        {
            body.Attachments.Add(name, content, ContentType.Parse(mail.AttachmentContentType ?? "application/octet-stream"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} not delivered (attempt {Attempts}); it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex, Guid mailId, int attempts);
}
