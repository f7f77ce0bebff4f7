using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// The writes this process has committed to one module's database, counted. A read kept by
/// <see cref="ModuleReadCache{TContext}"/> is served again only while this count has not moved since the read began.
/// </summary>
public sealed class ModuleWrites<TContext>(bool complete)
    where TContext : DbContext
{
    private long _count;

    /// <summary>
    /// True when every write to the database goes through this process: on SQLite, one process owns the data folder
    /// (ARCHITECTURE, "one machine"). On SQL Server several host instances may write, so nothing is kept.
    /// </summary>
    public bool Complete { get; } = complete;

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

    private void Ran(DbCommand command)
    {
        if (IsWrite(command.CommandText))
        {
            committed();
        }
    }
}

/// <summary>
/// Reads that many people make alike (a selection committee opening its board), kept until this process next writes to
/// the module's database, whatever it writes: "output caching of what is shared" (issue 9), never stale. Only where this
/// process is the database's only writer (<see cref="ModuleWrites{TContext}.Complete"/>) and
/// <c>Incubator:Database:CacheReads</c> is on; elsewhere every call reads. Kept values are shared between requests, so
/// they must not be changed once read.
/// </summary>
public sealed class ModuleReadCache<TContext>(ModuleWrites<TContext> writes, DatabaseOptions options)
    where TContext : DbContext
{
    /// <summary>Entries kept at most; each a page of a list (about 20 KB for the board's 50 lines).</summary>
    internal const int Capacity = 64;

    private readonly ConcurrentDictionary<object, Entry> _entries = new();

    public bool Enabled => writes.Complete && options.CacheReads;

    /// <summary>The value kept under <paramref name="key"/> if no write was committed since it was read; otherwise reads it.</summary>
    public async Task<T> GetOrReadAsync<T>(object key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        if (!Enabled)
        {
            return await read(cancellationToken);
        }

        // Taken before reading: a write committed while the read runs moves the count, and the entry is stale at once.
        var count = writes.Count;
        if (_entries.TryGetValue(key, out var kept) && kept.Writes == count && kept.Value is T value)
        {
            return value;
        }

        value = await read(cancellationToken);
        if (_entries.Count >= Capacity)
        {
            foreach (var (oldKey, old) in _entries)
            {
                if (old.Writes != writes.Count)
                {
                    _entries.TryRemove(oldKey, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[key] = new Entry(count, value);
        return value;
    }

    /// <summary>How many entries are kept (for tests).</summary>
    internal int Count => _entries.Count;

    private sealed record Entry(long Writes, object Value);
}
