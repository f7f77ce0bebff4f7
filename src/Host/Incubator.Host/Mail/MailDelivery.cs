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
/// Delivers pending mails a batch at a time: one statement claims the batch for a lease (so two runs never send the
/// same mail), then each mail is sent over SMTP with MailKit or written as an .eml file, and marked sent by its own
/// commit; a failure is kept and retried later. A crash between the SMTP server's acceptance and that commit sends
/// that one mail again, with the same Message-ID; nothing else can be sent twice, and nothing is lost: a crash
/// mid-batch leaves the batch's other mails claimed until the lease lapses (at most <see cref="Lease"/>).
/// Claiming each mail on its own cost two more statements and a durable commit per mail (issue 9: the claims were
/// a tenth of the CPU spent delivering a rush's confirmations).
/// </summary>
internal sealed partial class MailDeliveryJob(
    MailDb db,
    IOptions<SmtpOptions> smtp,
    DatabaseOptions database,
    RequestLoad load,
    TimeProvider time,
    ILogger<MailDeliveryJob> logger) : IScheduledJob
{
    public const string JobId = "mail:deliver";
    public const int BatchSize = 50;

    /// <summary>The SMTP client gives up on each step (connect, authenticate, send) after this.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest one mail may take: connecting, authenticating and sending, each up to <see cref="SendTimeout"/>.</summary>
    private static readonly TimeSpan LongestSend = 3 * SendTimeout;

    /// <summary>
    /// How long a claim holds: a little more than one send, renewed for the batch's mails not yet sent whenever less than
    /// a send is left. Short, because it is also how long a crash mid-batch delays the rest of the batch.
    /// </summary>
    public static readonly TimeSpan Lease = LongestSend + TimeSpan.FromSeconds(10);

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
            // A batch leaves nothing tracked: each mail is attached for its own save, then detached.
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    /// <summary>True when the batch was full and every mail of it went: there may be more.</summary>
    private async Task<bool> DeliverBatchAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var readAt = time.GetUtcNow();
        var candidates = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= readAt && (m.ClaimedUntil == null || m.ClaimedUntil < readAt))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return false;
        }

        // A confirmation may wait while requests are many; the claim (and its lease) is taken after the wait.
        await load.WhenEasedAsync(cancellationToken);
        var claimedAt = time.GetUtcNow();
        var leaseEnds = claimedAt + Lease;

        // The claim's condition is checked again row by row as it is written: a mail another run claimed since the
        // candidates were read is not taken, and only the mails that carry this claim are read back and sent.
        await db.WriteAsync(ct => db.OutgoingMails
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimedAt))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, leaseEnds), ct), cancellationToken);
        var claimed = await Claimed(db.OutgoingMails, candidates, claim).AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);

        var settled = candidates.Count - claimed.Count; // those another run has
        for (var i = 0; i < claimed.Count; i++)
        {
            var now = time.GetUtcNow();
            if (now + LongestSend >= leaseEnds)
            {
                leaseEnds = now + Lease;
                var renewed = await db.WriteAsync(ct => Claimed(db.OutgoingMails, candidates, claim)
                    .Where(m => m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, leaseEnds), ct), cancellationToken);
                if (renewed != claimed.Count - i)
                {
                    return false; // the lease lapsed meanwhile (the process stood still): what is left is no longer surely ours
                }
            }

            // Tracked one at a time: each save compares the one mail it writes, not the whole batch.
            var mail = claimed[i];
            db.Attach(mail);
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
            db.Entry(mail).State = EntityState.Detached;
        }

        return candidates.Count == BatchSize && settled == candidates.Count;
    }

    /// <summary>
    /// The batch's mails that carry its claim, found by their keys among the candidates: the claim's column has no index,
    /// and looked up alone it read every mail ever kept, once per batch (<c>MailTests</c> checks the plan).
    /// </summary>
    internal static IQueryable<OutgoingMail> Claimed(IQueryable<OutgoingMail> mails, List<Guid> candidates, Guid claim) =>
        mails.Where(m => candidates.Contains(m.Id) && m.ClaimedBy == claim);

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
