namespace Incubator.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Bound from <c>Incubator:Database</c>, <c>Incubator:DataDirectory</c> and <c>ConnectionStrings:Incubator</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite files, uploads and .eml files live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    public string? SqlServerConnectionString { get; set; }

    /// <summary>How long a SQLite writer waits for the write lock before giving up.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 30_000;

    /// <summary>
    /// SQLite's memory for the whole process, every file and pooled connection together (0: no limit; ADR 0017).
    /// Beyond it, connections reuse their cached pages rather than growing; the files stay in the system's cache.
    /// </summary>
    public int SqliteMemoryLimitMb { get; set; } = 8;

    /// <summary>
    /// Keep reads many people make alike until this process next writes to the module's database (ADR 0018). Only on
    /// SQLite, where this process is the only writer; SQL Server hosts always read.
    /// </summary>
    public bool CacheReads { get; set; } = true;

    public string SqliteConnectionString(string module) =>
        $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), module + ".db")};Pooling=True";
}
