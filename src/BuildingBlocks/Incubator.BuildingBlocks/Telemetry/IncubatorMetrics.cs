using System.Diagnostics.Metrics;

namespace Incubator.BuildingBlocks.Telemetry;

/// <summary>Incubator's own measurements (meter "Incubator"), exported with ASP.NET Core's and the runtime's when telemetry is on.</summary>
public static class IncubatorMetrics
{
    public const string MeterName = "Incubator";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("incubator.jobs.runs", description: "Scheduled job runs, by job and outcome");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("incubator.jobs.duration", unit: "s", description: "How long each scheduled job run took");
}
