using Incubator.LoadTests;

/// <summary>
/// Each mechanism kept for speed or memory, turned off in turn (issue 24): a fresh process of ours on the seeded files
/// per variant, each running the same mixed loads as users make them (the board read while reviews are scored, then
/// the rush while the board is viewed, then the largest season's board), its peak memory last. The variant with
/// everything on runs first and last, so that the drift of this shared machine over the runs shows.
/// </summary>
internal sealed partial class Bench
{
    private static readonly (string Name, string? Key, string? Value)[] Variants =
    [
        ("all on", null, null),
        ("no write gate (ADR 0013)", "Incubator__Database__SqliteWriteGate", "false"),
        ("no background lane (ADR 0015)", "Incubator__Jobs__BackgroundLane", "false"),
        ("no stepping aside (ADR 0016)", "Incubator__Jobs__StepAsideUnderLoad", "false"),
        ("no native trim (ADR 0017)", "Incubator__Memory__TrimNativeEverySeconds", "0"),
        ("no SQLite memory cap (ADR 0017)", "Incubator__Database__SqliteMemoryLimitMb", "0"),
        ("no read cache (ADR 0018)", "Incubator__Database__CacheReads", "false"),
        ("all on, again", null, null),
    ];

    private async Task<List<object>> MechanismsAsync(Seeded seeded)
    {
        var runs = new List<(string Name, Measure Mixed, Rush Rush, double MemoryMb)>();
        foreach (var (name, key, value) in Variants)
        {
            var environment = HostEnvironment;
            if (key is not null)
            {
                environment[key] = value!;
            }

            using var host = await HostProcess.StartAsync(hostDll, [], environment, "/health/live");
            var mixed = await MixedBoardAsync(host, seeded.Season);
            var rush = await MixedRushAsync(host, seeded, Guid.NewGuid().ToString("N")[..6], TimeSpan.FromSeconds(5));
            if (seeded.Huge is { } largest)
            {
                await BoardReadsAsync(host, largest, 16, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
            }

            runs.Add((name, mixed, rush, host.PeakMemoryMb()));
            Console.WriteLine($"  {name}: mixed board {mixed.Rps:0} req/s, rush {rush.Writes.Rps:0} writes/s with {rush.Alongside!.Rps:0} board reads/s, {host.PeakMemoryMb():0} MB");
        }

        // Against the mean of the two runs with everything on.
        var on = runs.Where(r => r.Name.StartsWith("all on", StringComparison.Ordinal)).ToList();
        var (mixedOn, writesOn, readsOn, memoryOn) = (on.Average(r => r.Mixed.Rps), on.Average(r => r.Rush.Writes.Rps), on.Average(r => r.Rush.Alongside!.Rps), on.Average(r => r.MemoryMb));
        return runs.Select(r => (object)new
        {
            variant = r.Name,
            mixedBoardRps = Round(r.Mixed.Rps), mixedBoardP99Ms = Round(r.Mixed.P99Ms),
            rushWritesRps = Round(r.Rush.Writes.Rps), rushWritesP99Ms = Round(r.Rush.Writes.P99Ms), boardReadsDuringRushRps = Round(r.Rush.Alongside!.Rps),
            errors = r.Mixed.Errors + r.Rush.Writes.Errors + r.Rush.Alongside.Errors, lost = r.Rush.Acknowledged - r.Rush.Persisted,
            peakMemoryMb = Round(r.MemoryMb),
            mixedBoardVsOn = Round(r.Mixed.Rps / mixedOn), rushWritesVsOn = Round(r.Rush.Writes.Rps / writesOn),
            readsDuringRushVsOn = Round(r.Rush.Alongside.Rps / readsOn), memoryVsOn = Round(r.MemoryMb / memoryOn),
        }).ToList();
    }
}
