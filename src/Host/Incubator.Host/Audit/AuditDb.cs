using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Audit;

/// <summary>One sensitive action: who did what to what, when. Written once, never changed.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Subject = string.Empty;
    }

    public AuditEntry(Guid id, DateTimeOffset at, Guid? actorUserId, string action, Guid subjectId, string subject, string? details)
    {
        Id = id;
        At = at;
        ActorUserId = actorUserId;
        Action = action;
        SubjectId = subjectId;
        Subject = subject.Length > 300 ? subject[..300] : subject;
        Details = details is { Length: > 1000 } ? details[..1000] : details;
    }

    /// <summary>The id of the event that told it (or a new one): a replayed event adds nothing.</summary>
    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string Action { get; private set; }

    public Guid SubjectId { get; private set; }

    public string Subject { get; private set; }

    public string? Details { get; private set; }

    /// <summary>What the action was about was anonymised: the log keeps the action, not the name.</summary>
    public void ForgetSubject(string placeholder) => Subject = placeholder;
}

/// <summary>The host's audit log, fed by the modules' <c>SensitiveActionRecorded</c> events and by the host's own account actions.</summary>
public abstract class AuditDb(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Action).HasMaxLength(100);
            b.Property(e => e.Subject).HasMaxLength(300);
            b.Property(e => e.Details).HasMaxLength(1000);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.Action, e.At });
        });
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class AuditSqliteDb(DbContextOptions<AuditSqliteDb> options) : AuditDb(options);

internal sealed class AuditSqlServerDb(DbContextOptions<AuditSqlServerDb> options) : AuditDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class AuditPostgreSqlDb(DbContextOptions<AuditPostgreSqlDb> options) : AuditDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class AuditSqliteDesignFactory : SqliteDesignFactory<AuditSqliteDb>;

internal sealed class AuditSqlServerDesignFactory() : SqlServerDesignFactory<AuditSqlServerDb>(AuditDb.Module);

internal sealed class AuditPostgreSqlDesignFactory() : PostgreSqlDesignFactory<AuditPostgreSqlDb>(AuditDb.Module);
