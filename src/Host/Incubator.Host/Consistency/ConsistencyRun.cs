using Incubator.BuildingBlocks.Consistency;
using Incubator.BuildingBlocks.Jobs;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Consistency;

public sealed record ConsistencyReport(DateTimeOffset At, bool Repair, IReadOnlyList<ConsistencyFinding> Findings);

/// <summary>The last report of this process, shown on the page until the next run.</summary>
public sealed class ConsistencyReports
{
    public ConsistencyReport? Last { get; set; }
}

/// <summary>
/// Runs every module's consistency check (ADR 0020) and writes each difference to the log. A check that fails is itself
/// a finding: the others still run.
/// </summary>
public sealed partial class ConsistencyRun(IServiceScopeFactory scopes, ConsistencyReports reports, TimeProvider time, ILogger<ConsistencyRun> logger)
{
    public async Task<ConsistencyReport> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var findings = new List<ConsistencyFinding>();
        await using var scope = scopes.CreateAsyncScope();
        var checks = scope.ServiceProvider.GetServices<IConsistencyCheck>().ToList();
        foreach (var check in checks)
        {
            try
            {
                findings.AddRange(await check.RunAsync(repair, cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, ex, check.GetType().Name);
                findings.Add(new ConsistencyFinding("host", "check.failed", L(
                    $"La vérification {check.GetType().Name} a échoué : {ex.Message} (voir le journal du serveur).",
                    $"The check {check.GetType().Name} failed: {ex.Message} (see the server's log)."), false));
            }
        }

        foreach (var finding in findings)
        {
            LogFinding(logger, finding.Module, finding.Kind, finding.Repaired, finding.Text);
        }

        LogDone(logger, findings.Count, findings.Count(f => f.Repaired), checks.Count);
        var report = new ConsistencyReport(time.GetUtcNow(), repair, findings);
        reports.Last = report;
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consistency: {Module} {Kind} (repaired: {Repaired}): {Text}")]
    private static partial void LogFinding(ILogger logger, string module, string kind, bool repaired, string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consistency: {Findings} differences found, {Repaired} repaired, by {Checks} checks")]
    private static partial void LogDone(ILogger logger, int findings, int repaired, int checks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consistency: the check {Check} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex, string check);
}

/// <summary>Every night, the check runs and repairs what it safely can; the log and the page say what it found.</summary>
internal sealed class NightlyConsistencyJob(ConsistencyRun run) : IScheduledJob
{
    public string Id => "consistency:nightly";

    public string Cron => "40 2 * * *";

    public Task RunAsync(CancellationToken cancellationToken) => run.RunAsync(repair: true, cancellationToken);
}

internal static class ConsistencySetup
{
    public static void AddIncubatorConsistencyCheck(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<ConsistencyReports>().AddSingleton<ConsistencyRun>();
}
