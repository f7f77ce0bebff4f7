using Microsoft.EntityFrameworkCore;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// One row that both sides of a decision write (ADR 0020). A use case that decides on a scope's facts (a season's cohort
/// and its training sessions, say) reads its scope's fence before it reads those facts, and writes the fence again, with
/// a new version, in the transaction that saves its decision. Of two such use cases that overlap, one cannot commit: its
/// UPDATE of the fence finds another version than the one it read (SQLite lets one writer at a time; PostgreSQL and SQL
/// Server make the second UPDATE wait for the first transaction, then compare with the committed row), and EF Core
/// raises a concurrency conflict. The use case is then run again on what the other committed
/// (<see cref="Application.FenceConflictRetryBehavior{TRequest,TResponse}"/> for requests, the inbox for handlers).
/// </summary>
public sealed class ConsistencyFence
{
    /// <summary>The scope of a season's facts in a module: its cohort, its sessions, its pairs, its eligible applications.</summary>
    public const string Season = "season";

    private ConsistencyFence()
    {
    }

    /// <summary>What the fence guards, e.g. "season".</summary>
    public string Scope { get; private set; } = string.Empty;

    public Guid Key { get; private set; }

    public Guid Version { get; private set; }

    internal static ConsistencyFence New(string scope, Guid key) => new() { Scope = scope, Key = key, Version = Guid.NewGuid() };

    internal void Bump() => Version = Guid.NewGuid();

    /// <summary>True when a failed save failed on a fence: another use case decided on the same facts meanwhile.</summary>
    public static bool IsConflict(DbUpdateException exception) => exception.Entries.Any(e => e.Entity is ConsistencyFence);
}
