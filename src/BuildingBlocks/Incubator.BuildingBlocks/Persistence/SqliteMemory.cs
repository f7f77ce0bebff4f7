namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// One budget for SQLite's memory in this process (ADR 0017). Each pooled connection keeps a page cache of up to
/// 2 MB per file, and the pool grows with the requests answered at once: after a submission rush SQLite held 21 MB,
/// most of it copies of pages the system's file cache already holds, kept by connections that a write elsewhere
/// had made stale. Over the budget, a connection reuses its own cached pages instead of allocating more.
/// </summary>
public static class SqliteMemory
{
    // SQLite's functions need its provider, which Microsoft.Data.Sqlite only sets when its first connection is made.
    static SqliteMemory() => SQLitePCL.Batteries_V2.Init();

    /// <summary>Sets the process-wide soft limit (0: none). SQLite's own setting: the last host to start sets it.</summary>
    public static void Limit(int megabytes) => SQLitePCL.raw.sqlite3_soft_heap_limit64(Math.Max(0, megabytes) * 1024L * 1024L);

    /// <summary>The limit in force, in bytes (0: none).</summary>
    public static long CurrentLimit() => SQLitePCL.raw.sqlite3_soft_heap_limit64(-1);

    /// <summary>The memory SQLite holds now, in bytes.</summary>
    public static long Used() => SQLitePCL.raw.sqlite3_memory_used();
}
