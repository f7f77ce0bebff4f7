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

    public string SqliteConnectionString(string module) =>
        $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), module + ".db")};Pooling=True";
}
