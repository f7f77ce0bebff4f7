using System.Diagnostics;

namespace Incubator.BuildingBlocks.Jobs;

/// <summary>
/// A recurring sweep over a module's own tables. Safe to run twice and safe to lose: whatever
/// it must remember ("reminder sent") is a column of the module, never a fact of the scheduler.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Unique job id, e.g. <c>seasons:close-windows</c>.</summary>
    string Id { get; }

    /// <summary>Cron expression; six fields when seconds are needed.</summary>
    string Cron { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>The thin seam between modules and the scheduler (Hangfire in the host).</summary>
public interface IJobTrigger
{
    void Trigger(string jobId);
}

/// <summary>The one public entry point the scheduler invokes: finds the job by id in a fresh scope.</summary>
public sealed class ScheduledJobRunner(IEnumerable<IScheduledJob> jobs, BackgroundLane lane)
{
    /// <summary>Runs the job on the <see cref="BackgroundLane"/>: requests come first when both want the CPU. Each run is counted and timed.</summary>
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = jobs.FirstOrDefault(j => j.Id == jobId)
            ?? throw new InvalidOperationException($"No scheduled job '{jobId}'.");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await lane.RunAsync(() => job.RunAsync(cancellationToken), cancellationToken);
            outcome = "done";
        }
        finally
        {
            var tags = new TagList { { "job", jobId }, { "outcome", outcome } };
            Telemetry.IncubatorMetrics.JobRuns.Add(1, tags);
            Telemetry.IncubatorMetrics.JobDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
