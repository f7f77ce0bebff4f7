using System.Text.Json;
using Incubator.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// The base of every module's DbContext: its own outbox and inbox tables, integration events
/// written in the same SaveChanges as the data, and optimistic concurrency on aggregates.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<ConsistencyFence> Fences => Set<ConsistencyFence>();

    /// <summary>
    /// Call first, before reading the facts a decision rests on: reads the scope's fence (or makes it) and writes it
    /// with a new version in this context's next save, so that this save and any other overlapping one that decides on
    /// the same scope cannot both commit (see <see cref="ConsistencyFence"/>).
    /// </summary>
    public async Task FenceAsync(string scope, Guid key, CancellationToken cancellationToken)
    {
        var fence = await Fences.FirstOrDefaultAsync(f => f.Scope == scope && f.Key == key, cancellationToken);
        if (fence is null)
        {
            Fences.Add(ConsistencyFence.New(scope, key));
        }
        else
        {
            fence.Bump();
        }
    }

    /// <summary>True once this context has saved outbox messages; read by <see cref="OutboxSignalInterceptor"/>.</summary>
    internal bool WroteOutboxMessages { get; set; }

    /// <summary>The version the person saw, for the scope that holds this (pooled) context; see <see cref="ExpectedVersionInterceptor"/>.</summary>
    internal ExpectedVersion? ExpectedVersion { get; set; }

    /// <summary>
    /// The gate of this module's SQLite file (none on SQL Server); handed over when a scope takes the context, together
    /// with one more setting: every save then writes in a transaction of its own, even a save of one statement (which
    /// EF Core would otherwise leave to SQLite's autocommit). The gate is taken when that transaction starts and let go
    /// when it ends (<see cref="SqliteWriteGateInterceptor"/>). EF Core detects the changes and prepares the first
    /// statements before it starts the transaction, so only the writing itself waits its turn. Taken around the whole
    /// save, the gate was held about 1.3 ms per write, nine tenths of the time, in a rush of submissions (issue 9).
    /// </summary>
    internal SqliteWriteGate? WriteGate { get; private set; }

    internal void HandOver(SqliteWriteGate? writeGate)
    {
        WriteGate = writeGate;
        if (writeGate is not null)
        {
            Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    /// <summary>True while an explicit transaction of this context holds the gate; see <see cref="SqliteWriteGateInterceptor"/>.</summary>
    internal bool TransactionHoldsGate { get; set; }

    private bool _holdsGate;

    private List<Action>? _afterCommit;

    /// <summary>The outbox batch this context's scope belongs to, if any; see <see cref="DeliveryBatch"/>.</summary>
    internal DeliveryBatch? Batch { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ConfigureInstants(configurationBuilder, Database);
    }

    /// <summary>
    /// How each provider stores an instant. SQLite cannot compare DateTimeOffset text: UTC ticks keep order and range
    /// queries in SQL. PostgreSQL's <c>timestamptz</c> takes only UTC offsets: instants are written in UTC, as SQLite
    /// gives them back, so that every provider reads the same values. SQL Server keeps the offset as it is.
    /// </summary>
    public static void ConfigureInstants(ModelConfigurationBuilder configurationBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else if (database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.Type).HasMaxLength(500);
            b.Property(m => m.LastError).HasMaxLength(4000);
            b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("InboxMessages");
            b.HasKey(m => new { m.MessageId, m.Handler });
            b.Property(m => m.Handler).HasMaxLength(300);
        });
        modelBuilder.Entity<ConsistencyFence>(b =>
        {
            b.ToTable("ConsistencyFences");
            b.HasKey(f => new { f.Scope, f.Key });
            b.Property(f => f.Scope).HasMaxLength(50);
            b.Property(f => f.Version).IsConcurrencyToken();
        });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var entity = modelBuilder.Entity(entityType.ClrType);
            entity.Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
            entity.Ignore(nameof(AggregateRoot.PendingEvents));
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        if (Batch is { Active: true } batch && Database.CurrentTransaction is null)
        {
            batch.Join(this);
        }

        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            LeaveGateOfFailedSave();
            throw;
        }
    }

    /// <summary>A save holds the file's write gate while it writes (one writer at a time per file); see <see cref="WriteGate"/>.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        if (Batch is { Active: true } batch && Database.CurrentTransaction is null)
        {
            await batch.JoinAsync(this, cancellationToken);
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            LeaveGateOfFailedSave();
            throw;
        }
    }

    /// <summary>
    /// A save that fails has its transaction disposed by EF Core without a rollback the interceptor would see: the gate
    /// that transaction took is let go here, rather than when the scope ends (a request answering a conflict, say).
    /// </summary>
    private void LeaveGateOfFailedSave()
    {
        if (TransactionHoldsGate && Database.CurrentTransaction is null)
        {
            TransactionHoldsGate = false;
            LeaveWriteGate();
        }
    }

    /// <summary>
    /// A write that does not go through SaveChanges (ExecuteUpdate, ExecuteDelete), made holding the file's write gate as a
    /// save does, so that it waits its turn here rather than in SQLite's busy handler, which blocks its thread while it sleeps.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var holds = Database.CurrentTransaction is null && await TakeWriteGateAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            if (holds)
            {
                LeaveWriteGate();
            }
        }
    }

    /// <summary>True when this call took the gate (false on SQL Server, when this context already holds it, or when the wait ran out).</summary>
    internal async Task<bool> TakeWriteGateAsync(CancellationToken cancellationToken)
    {
        if (WriteGate is null || _holdsGate)
        {
            return false;
        }

        _holdsGate = await WriteGate.EnterAsync(cancellationToken);
        return _holdsGate;
    }

    internal bool TakeWriteGate()
    {
        if (WriteGate is null || _holdsGate)
        {
            return false;
        }

        _holdsGate = WriteGate.Enter(CancellationToken.None);
        return _holdsGate;
    }

    internal void LeaveWriteGate()
    {
        if (_holdsGate)
        {
            _holdsGate = false;
            WriteGate!.Leave();
        }
    }

    /// <summary>
    /// A transaction left open when the scope ends is rolled back here, then the gate let go, before the context goes
    /// back to the pool (where another scope may take it at once).
    /// </summary>
    public override void Dispose()
    {
        if (_holdsGate)
        {
            Database.CurrentTransaction?.Dispose();
        }

        EndLease();
        base.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_holdsGate && Database.CurrentTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }

        EndLease();
        await base.DisposeAsync();
    }

    /// <summary>What a scope handed this context, or left on it, is cleared before the pool takes it back.</summary>
    private void EndLease()
    {
        Batch = null;
        _afterCommit = null;
        TransactionHoldsGate = false;
        LeaveWriteGate();
    }

    /// <summary>
    /// Changes are detected once here: the steps below read the change tracker several times (each read would
    /// detect again), and EF Core's own save detects once more what they changed.
    /// </summary>
    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        var detects = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            BeforeSave();
            BumpVersionsOfChangedAggregates();
            WriteIntegrationEventsToOutbox();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detects;
        }
    }

    /// <summary>A module's own step in every save, once changes are detected and before they are written.</summary>
    protected virtual void BeforeSave()
    {
    }

    private void WriteIntegrationEventsToOutbox()
    {
        var aggregates = ChangeTracker.Entries<IHasIntegrationEvents>()
            .Select(e => e.Entity)
            .Where(a => a.PendingEvents.Count > 0)
            .ToList();
        foreach (var aggregate in aggregates)
        {
            foreach (var integrationEvent in aggregate.PendingEvents)
            {
                AddToOutbox(integrationEvent);
            }

            aggregate.ClearPendingEvents();
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once what this context saves next is committed: right after a save of its
    /// own, or when the transaction it saves in commits (an outbox batch's, for a handler). A nudge to a job that
    /// reads the saved rows belongs here, not before the commit, when the job would find nothing yet.
    /// </summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Called by <see cref="OutboxSignalInterceptor"/> at each commit.</summary>
    internal void RunAfterCommit()
    {
        if (_afterCommit is not { } actions)
        {
            return;
        }

        _afterCommit = null;
        foreach (var action in actions)
        {
            action();
        }
    }

    /// <summary>Adds an event that no aggregate raised (a handler's own fact) to the outbox of this save.</summary>
    public void AddToOutbox(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        OutboxMessages.Add(new OutboxMessage(
            integrationEvent.Id,
            OutboxSerializer.TypeName(type),
            JsonSerializer.Serialize(integrationEvent, type, OutboxSerializer.Options),
            integrationEvent.OccurredAt));
        WroteOutboxMessages = true;
    }

    private void BumpVersionsOfChangedAggregates()
    {
        var changed = new HashSet<AggregateRoot>(ReferenceEqualityComparer.Instance);
        var entries = ChangeTracker.Entries().ToList();
        foreach (var entry in entries)
        {
            var isNewAggregate = entry.State == EntityState.Added && entry.Entity is AggregateRoot;
            if (entry.State is EntityState.Unchanged or EntityState.Detached || isNewAggregate)
            {
                continue;
            }

            if (FindAggregateRoot(entry, entries) is { } root && Entry(root).State is EntityState.Modified or EntityState.Unchanged)
            {
                changed.Add(root);
            }
        }

        foreach (var root in changed)
        {
            root.BumpVersion();
        }
    }

    private static AggregateRoot? FindAggregateRoot(EntityEntry entry, List<EntityEntry> entries)
    {
        while (true)
        {
            if (entry.Entity is AggregateRoot root)
            {
                return root;
            }

            var ownership = entry.Metadata.FindOwnership();
            if (ownership is null)
            {
                return null;
            }

            var values = entry.State == EntityState.Deleted ? entry.OriginalValues : entry.CurrentValues;
            var keys = ownership.Properties.Select(p => values[p]).ToArray();
            var principal = entries.FirstOrDefault(e =>
                e.Metadata == ownership.PrincipalEntityType
                && ownership.PrincipalKey.Properties.Select(p => e.CurrentValues[p]).SequenceEqual(keys));
            if (principal is null)
            {
                return null;
            }

            entry = principal;
        }
    }

    /// <summary>PostgreSQL: an instant written in UTC; see <see cref="ConfigureInstants"/>.</summary>
    public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);

    /// <summary>Public because the compiled models (generated code in each module) instantiate it.</summary>
    public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
