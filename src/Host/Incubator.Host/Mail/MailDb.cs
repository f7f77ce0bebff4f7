using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Mail;

/// <summary>An e-mail waiting to be delivered, written by a handler of an integration event.</summary>
internal sealed class OutgoingMail
{
    public const int MaxAttempts = 10;

    private OutgoingMail()
    {
        To = string.Empty;
        Subject = string.Empty;
        TextBody = string.Empty;
    }

    public OutgoingMail(string to, string subject, string textBody, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        To = to;
        Subject = subject;
        TextBody = textBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentContentType { get; set; }

    public byte[]? AttachmentContent { get; set; }

    /// <summary>Attaches an iCalendar invitation (a training, a meeting, an interview) that a mail client adds to the calendar.</summary>
    public OutgoingMail WithCalendar(string fileName, string calendar)
    {
        AttachmentName = fileName;
        AttachmentContentType = "text/calendar; charset=utf-8; method=PUBLISH";
        AttachmentContent = System.Text.Encoding.UTF8.GetBytes(calendar);
        return this;
    }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Who is delivering it, until when: two delivery runs never send the same mail.</summary>
    public Guid? ClaimedBy { get; private set; }

    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        NextAttemptAt = null;
        Attempts++;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, Attempts)));
        ClaimedBy = null;
        ClaimedUntil = null;
    }
}

/// <summary>The host's outgoing mail, with its own inbox for the handlers that fill it.</summary>
internal abstract class MailDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "mail";

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    /// <summary>Nudges the delivery job once the mails this context saves next are committed (before, it would find none).</summary>
    public void DeliverOnceCommitted(IJobTrigger trigger) => AfterCommit(() => trigger.Trigger(MailDeliveryJob.JobId));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutgoingMail>(b =>
        {
            b.ToTable("OutgoingMails");
            b.HasKey(m => m.Id);
            b.Property(m => m.To).HasMaxLength(320);
            b.Property(m => m.Subject).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.AttachmentName).HasMaxLength(200);
            b.Property(m => m.AttachmentContentType).HasMaxLength(100);
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MailSqliteDb(DbContextOptions<MailSqliteDb> options) : MailDb(options);

internal sealed class MailSqlServerDb(DbContextOptions<MailSqlServerDb> options) : MailDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MailPostgreSqlDb(DbContextOptions<MailPostgreSqlDb> options) : MailDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MailSqliteDesignFactory : SqliteDesignFactory<MailSqliteDb>;

internal sealed class MailSqlServerDesignFactory() : SqlServerDesignFactory<MailSqlServerDb>(MailDb.Module);

internal sealed class MailPostgreSqlDesignFactory() : PostgreSqlDesignFactory<MailPostgreSqlDb>(MailDb.Module);
