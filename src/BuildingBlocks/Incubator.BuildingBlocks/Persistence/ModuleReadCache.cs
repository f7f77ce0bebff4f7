using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// Reads that many people make alike (a selection committee opening its board), kept until this process next writes to
/// the module's database, whatever it writes: "output caching of what is shared" (issue 9), never stale. Only where this
/// process is the database's only writer and <c>Incubator:Database:CacheReads</c> is on: on SQLite, one process owns
/// the data folder (ARCHITECTURE, "one machine"); on SQL Server several host instances may write, and every call
/// reads. Kept values are shared between requests, so they must not be changed once read.
/// </summary>
public sealed class ModuleReadCache<TContext>(ModuleWrites<TContext> writes, DatabaseOptions options)
    where TContext : DbContext
{
    /// <summary>Entries kept at most; each a page of a list (about 20 KB for the board's 50 lines).</summary>
    internal const int Capacity = 64;

    private readonly ConcurrentDictionary<object, Entry> _entries = new();

    public bool Enabled { get; } = options.Provider == DatabaseProvider.Sqlite && options.CacheReads;

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
