using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;

namespace Incubator.Host.Operations;

/// <summary>Bound from <c>Incubator:Backup</c>: where the nightly backups go (none when unset) and how many are kept.</summary>
public sealed class BackupOptions
{
    public string? Folder { get; set; }

    public int Keep { get; set; } = 7;
}

/// <summary>
/// Every night, when <c>Incubator:Backup:Folder</c> is set, a backup as the operator's command makes one
/// (<c>incubator-yyyyMMdd-HHmmss.tar.gz</c>); the oldest beyond <c>Incubator:Backup:Keep</c> are deleted. Off by default.
/// </summary>
internal sealed partial class NightlyBackupJob(DatabaseOptions database, IConfiguration configuration, TimeProvider time, ILogger<NightlyBackupJob> logger) : IScheduledJob
{
    public const string Prefix = "incubator-";

    public string Id => "backup:nightly";

    public string Cron => "10 2 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection("Incubator:Backup").Get<BackupOptions>() ?? new BackupOptions();
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            return;
        }

        var archive = Path.Combine(options.Folder, $"{Prefix}{time.GetUtcNow():yyyyMMdd-HHmmss}.tar.gz");
        var written = new StringWriter();
        var manifest = await new Backup(database, written).CreateAsync(archive, cancellationToken);
        LogWritten(logger, archive, manifest.Databases.Count, manifest.Files);
        foreach (var old in Directory.EnumerateFiles(options.Folder, Prefix + "*.tar.gz").Order(StringComparer.Ordinal).SkipLast(Math.Max(1, options.Keep)))
        {
            File.Delete(old);
            LogDeleted(logger, old);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly backup written to {Archive} ({Databases} databases, {Files} files)")]
    private static partial void LogWritten(ILogger logger, string archive, int databases, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old backup {Archive} deleted (retention)")]
    private static partial void LogDeleted(ILogger logger, string archive);
}
