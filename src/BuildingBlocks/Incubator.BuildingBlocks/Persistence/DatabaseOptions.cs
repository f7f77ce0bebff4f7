namespace Incubator.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Bound from <c>Incubator:Database</c>, <c>Incubator:DataDirectory</c> and <c>ConnectionStrings:Incubator</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite files, uploads and .eml files live here.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary><c>ConnectionStrings:Incubator</c>: the SQL Server or PostgreSQL database every module shares, a schema each.</summary>
    public string? ServerConnectionString { get; set; }

    /// <summary>True on SQL Server and PostgreSQL: several hosts may write the same database.</summary>
    public bool IsServer => Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql;

    public string RequiredServerConnectionString => ServerConnectionString
        ?? throw new InvalidOperationException($"ConnectionStrings:Incubator is required when Incubator:Database:Provider is {Provider}.");

    /// <summary>How long a SQLite writer waits for the write lock before giving up.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 30_000;

    /// <summary>
    /// SQLite's memory for the whole process, every file and pooled connection together (0: no limit; ADR 0017).
    /// Beyond it, connections reuse their cached pages rather than growing; the files stay in the system's cache.
    /// </summary>
    public int SqliteMemoryLimitMb { get; set; } = 8;

    /// <summary>
    /// Keep reads many people make alike until this process next writes to the module's database (ADR 0018). Only on
    /// SQLite, where this process is the only writer; hosts on a server database always read.
    /// </summary>
    public bool CacheReads { get; set; } = true;

    /// <summary>
    /// One writer at a time per SQLite file, queued in the process rather than spinning on the busy timeout (ADR 0013).
    /// Off only to measure what it pays.
    /// </summary>
    public bool SqliteWriteGate { get; set; } = true;

    public string SqliteConnectionString(string module) =>
        $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), module + ".db")};Pooling=True";
}
