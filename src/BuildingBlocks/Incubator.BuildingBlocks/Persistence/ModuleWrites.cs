using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// The writes this process has committed to one module's database, counted. A read kept by
/// <see cref="ModuleReadCache{TContext}"/> is served again only while this count has not moved since the read began.
/// </summary>
public sealed class ModuleWrites<TContext>
    where TContext : DbContext
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    internal void Committed() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Counts a module's committed writes (<see cref="ModuleWrites{TContext}"/>): a transaction's commit, and a write made
/// outside a transaction (an ExecuteUpdate, SQLite's autocommit) once it has run. Counting only after the commit is what
/// makes a kept read safe: a read that began before the commit was counted has a count the commit then moves past.
/// </summary>
internal sealed class ModuleWritesInterceptor(Action committed) : DbCommandInterceptor, IDbTransactionInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ran(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ran(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Ran(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>A write that returns rows (INSERT … RETURNING) ends, and in autocommit commits, when its reader is disposed.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Ran(command);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        committed();
        return Task.CompletedTask;
    }

    /// <summary>Only a query (SELECT) is not a write; anything else counts, to be safe.</summary>
    internal static bool IsWrite(string sql) => !sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>A statement inside a transaction is counted by the transaction's commit, not here.</summary>
    private void Ran(DbCommand command)
    {
        if (command.Transaction is null && IsWrite(command.CommandText))
        {
            committed();
        }
    }
}
