using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// One writer at a time per SQLite file in this process. SQLite allows one writer per file anyway; without this,
/// concurrent writers collide on the file's lock and wait in SQLite's busy handler, which sleeps 1, 2, 5, 10… ms
/// between tries, so the lock sits idle while they sleep (issue 9: about 2,700 inserts/s with busy_timeout against
/// 3,700/s one writer at a time). Here the next writer is woken as soon as the last one commits.
/// A writer that waits longer than <paramref name="patience"/> goes on without the gate: SQLite's own lock (and
/// busy_timeout) still keeps the file consistent, and no code path can hang on this gate.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan patience)
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>True when the caller now holds the gate and must <see cref="Leave"/> it.</summary>
    public Task<bool> EnterAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(patience, cancellationToken);

    public bool Enter(CancellationToken cancellationToken) => _semaphore.Wait(patience, cancellationToken);

    public void Leave() => _semaphore.Release();

    /// <summary>True when nobody holds the gate (for tests).</summary>
    internal bool IsFree => _semaphore.CurrentCount == 1;
}

/// <summary>
/// An explicit transaction on a module's SQLite file holds its <see cref="SqliteWriteGate"/> from its start to its
/// commit or rollback (a transaction disposed without either lets it go when its context is returned to the pool).
/// A save outside a transaction holds it in <see cref="ModuleDbContext"/> itself.
/// </summary>
internal sealed class SqliteWriteGateInterceptor : DbTransactionInterceptor
{
    public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
        System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ModuleDbContext context)
        {
            context.TransactionHoldsGate = await context.TakeWriteGateAsync(cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<System.Data.Common.DbTransaction> TransactionStarting(
        System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result)
    {
        if (eventData.Context is ModuleDbContext context)
        {
            context.TransactionHoldsGate = context.TakeWriteGate();
        }

        return result;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Ended(eventData.Context);

    public override Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Ended(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is ModuleDbContext { TransactionHoldsGate: true } module)
        {
            module.TransactionHoldsGate = false;
            module.LeaveWriteGate();
        }
    }
}
