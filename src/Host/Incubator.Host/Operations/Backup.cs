using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Incubator.Host.Operations;

/// <summary>
/// A backup of a live instance as of one moment, in one archive (<c>.tar.gz</c>), and its restore (ADR 0021).
/// <list type="bullet">
/// <item>SQLite: every module's file is locked for writing (<c>BEGIN IMMEDIATE</c>, the host's writers wait) until all
/// are locked, then each is copied with SQLite's online backup API (through another connection, which reads the last
/// commit), and the data folder's files (uploads, mails) with them; then the locks go. The host keeps serving reads meanwhile; its writes wait for the copy (milliseconds per MB).</item>
/// <item>PostgreSQL: <c>pg_dump</c> of the whole database (one snapshot for every schema), and the data folder's files.</item>
/// </list>
/// A restore puts everything back into an empty data folder (SQLite) or an empty database (PostgreSQL); the host then
/// starts on it as after any stop.
/// </summary>
public sealed class Backup(DatabaseOptions database, TextWriter log)
{
    private const string Manifest = "manifest.json";
    private const string DatabaseFolder = "databases/";
    private const string FilesFolder = "files/";
    private const string PostgreSqlDump = "databases/postgresql.dump";

    /// <summary>How many times the locks are tried before giving up; each try waits at most <see cref="LockWait"/> per file.</summary>
    private const int LockTries = 10;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    public sealed record BackupManifest(DateTimeOffset TakenAt, string Provider, IReadOnlyList<string> Databases, int Files);

    public async Task<BackupManifest> CreateAsync(string archive, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("incubator-backup-");
        try
        {
            var manifest = database.Provider switch
            {
                DatabaseProvider.Sqlite => CopySqlite(work.FullName),
                DatabaseProvider.PostgreSql => await DumpPostgreSqlAsync(work.FullName, cancellationToken),
                _ => throw new NotSupportedException($"Backups of {database.Provider} are made with the server's own tools."),
            };
            await File.WriteAllTextAsync(Path.Combine(work.FullName, Manifest), JsonSerializer.Serialize(manifest), cancellationToken);
            var target = Path.GetFullPath(archive);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = target + ".part";
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                await TarFile.CreateFromDirectoryAsync(work.FullName, gzip, includeBaseDirectory: false, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
            log.WriteLine($"Backup written to {target}: {manifest.Databases.Count} databases, {manifest.Files} files, as of {manifest.TakenAt:O}.");
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public async Task<BackupManifest> RestoreAsync(string archive, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("incubator-restore-");
        try
        {
            await using (var input = File.OpenRead(archive))
            await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, work.FullName, overwriteFiles: false, cancellationToken);
            }

            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(work.FullName, Manifest), cancellationToken))!;
            if (!string.Equals(manifest.Provider, database.Provider.ToString(), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"This backup is of a {manifest.Provider} instance; this one is configured for {database.Provider}.");
            }

            var data = Path.GetFullPath(database.DataDirectory);
            if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
            {
                throw new InvalidOperationException($"The data folder {data} is not empty: restore into an empty one.");
            }

            Directory.CreateDirectory(data);
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                await RestorePostgreSqlAsync(Path.Combine(work.FullName, PostgreSqlDump), cancellationToken);
            }
            else
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(work.FullName, DatabaseFolder)))
                {
                    File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
                }
            }

            var files = Path.Combine(work.FullName, FilesFolder);
            if (Directory.Exists(files))
            {
                CopyTree(files, data);
            }

            log.WriteLine($"Restored the backup of {manifest.TakenAt:O} into {data}: {manifest.Databases.Count} databases, {manifest.Files} files.");
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private BackupManifest CopySqlite(string work)
    {
        var data = Path.GetFullPath(database.DataDirectory);
        var files = Directory.EnumerateFiles(data, "*.db").Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.Combine(work, DatabaseFolder));
        for (var attempt = 1; ; attempt++)
        {
            var lockers = new List<SqliteConnection>();
            try
            {
                // Every file locked for writing before any is copied: the copies are of one moment.
                foreach (var file in files)
                {
                    var locker = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout={(int)LockWait.TotalSeconds}");
                    lockers.Add(locker);
                    locker.Open();
                    using var begin = locker.CreateCommand();
                    begin.CommandText = "BEGIN IMMEDIATE";
                    begin.ExecuteNonQuery();
                }

                // Copied through connections of their own: SQLite refuses to copy from a connection that holds the write
                // lock. They read the last commit, and none can come while the locks are held.
                var takenAt = DateTimeOffset.UtcNow;
                foreach (var file in files)
                {
                    using var source = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
                    using var copy = new SqliteConnection($"Data Source={Path.Combine(work, DatabaseFolder, Path.GetFileName(file))};Pooling=False");
                    source.Open();
                    source.BackupDatabase(copy);
                }

                var copied = CopyTree(data, Path.Combine(work, FilesFolder), skipDatabases: true);
                return new BackupManifest(takenAt, nameof(DatabaseProvider.Sqlite), files.Select(Path.GetFileName).ToList()!, copied);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 5 && attempt < LockTries)
            {
                // Busy: a transaction of the host held a file longer than the wait. Let go of all, and try again.
                log.WriteLine($"A database was busy ({ex.Message}); trying again ({attempt}/{LockTries}).");
            }
            finally
            {
                foreach (var locker in lockers)
                {
                    locker.Dispose(); // rolls the lock back
                }
            }

            Thread.Sleep(Random.Shared.Next(100, 500));
        }
    }

    private async Task<BackupManifest> DumpPostgreSqlAsync(string work, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(work, DatabaseFolder));
        var takenAt = DateTimeOffset.UtcNow;
        await RunPostgreSqlToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(work, PostgreSqlDump)], cancellationToken);
        var copied = CopyTree(Path.GetFullPath(database.DataDirectory), Path.Combine(work, FilesFolder), skipDatabases: true);
        return new BackupManifest(takenAt, nameof(DatabaseProvider.PostgreSql), [PostgreSqlDump], copied);
    }

    private Task RestorePostgreSqlAsync(string dump, CancellationToken cancellationToken) =>
        RunPostgreSqlToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", dump], cancellationToken);

    /// <summary>Runs pg_dump or pg_restore on the configured database; the password goes through the environment.</summary>
    private async Task RunPostgreSqlToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.RequiredServerConnectionString);
        var start = new ProcessStartInfo(FindTool(tool))
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, "--dbname", connection.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (connection.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }
    }

    /// <summary>The tool on the PATH, or in the newest Debian PostgreSQL folder.</summary>
    private static string FindTool(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, tool))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.EnumerateDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(v => Path.Combine(v, "bin", tool))
                : [])
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{tool} was not found: install PostgreSQL's client tools (Debian: postgresql-client).");

    /// <returns>The number of files copied.</returns>
    private static int CopyTree(string from, string to, bool skipDatabases = false)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var isDatabase = !relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && (relative.EndsWith(".db", StringComparison.Ordinal) || relative.EndsWith(".db-wal", StringComparison.Ordinal) || relative.EndsWith(".db-shm", StringComparison.Ordinal));
            if ((skipDatabases && isDatabase) || relative.EndsWith(".part", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            count++;
        }

        return count;
    }

    /// <summary>
    /// <c>dotnet Incubator.Host.dll backup &lt;archive.tar.gz&gt;</c> and <c>restore &lt;archive.tar.gz&gt;</c>, with the
    /// host's own configuration (environment, appsettings). Returns the process's exit code.
    /// </summary>
    public static async Task<int> RunCommandAsync(string[] args, IConfiguration configuration)
    {
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("usage: Incubator.Host backup <archive.tar.gz> | restore <archive.tar.gz>");
            return 2;
        }

        var backup = new Backup(configuration.GetDatabaseOptions(), Console.Out);
        try
        {
            if (args[0] == "backup")
            {
                await backup.CreateAsync(args[1], CancellationToken.None);
            }
            else
            {
                await backup.RestoreAsync(args[1], CancellationToken.None);
            }

            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or IOException or SqliteException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
