using Incubator.BuildingBlocks.Persistence;
using Npgsql;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>
/// Where a test host keeps its data: SQLite files in its data folder, or a database of its own on the PostgreSQL
/// server named by <c>INCUBATOR_TEST_POSTGRES</c> (build/test.sh starts one with build/postgres.sh; without the variable,
/// the address build/postgres.sh gives). The database is named after the data folder, so that a host restarted on the
/// same folder finds the same data, as on SQLite. The server is a throwaway one: build/test.sh makes it anew each run.
/// </summary>
public static class TestDatabase
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Include Error Detail=true";

    public static string PostgreSqlServer => Environment.GetEnvironmentVariable("INCUBATOR_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    /// <summary>The host's settings for this provider and data folder (creating the PostgreSQL database if it is new).</summary>
    public static Dictionary<string, string> Settings(DatabaseProvider provider, string dataDirectory) => provider switch
    {
        DatabaseProvider.Sqlite => new() { ["Incubator:Database:Provider"] = "Sqlite" },
        DatabaseProvider.PostgreSql => new()
        {
            ["Incubator:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Incubator"] = PostgreSqlDatabase(dataDirectory),
        },
        _ => throw new NotSupportedException($"{provider} cannot run on this machine"),
    };

    /// <summary>The connection string of the data folder's own database, created when it does not exist yet.</summary>
    public static string PostgreSqlDatabase(string dataDirectory)
    {
        var name = "t_" + new string(Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        name = name[..Math.Min(name.Length, 63)];
        var server = new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            try
            {
                connection.Open();
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException(
                    $"No PostgreSQL server at {server.Host}:{server.Port}: build/test.sh starts one; by hand, run build/postgres.sh start and export INCUBATOR_TEST_POSTGRES with the line it prints.", ex);
            }

            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;
    }
}
