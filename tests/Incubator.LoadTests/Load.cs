using System.Diagnostics;

namespace Incubator.LoadTests;

/// <summary>
/// What one scenario measured: requests per second, the 99th percentile, the failed requests, and the
/// host's CPU time per request (user and system, read from the process over the measured period): on
/// this shared machine throughput moves by a third between runs, the CPU a request costs much less.
/// </summary>
public sealed record Measure(double Rps, double P99Ms, int Errors, int Requests, double CpuMsPerRequest);

/// <summary>
/// The load generator used for both hosts: a closed loop of <c>connections</c> workers, each sending its
/// next request when the previous one is answered, over one pooled HttpClient; a warm-up, then the
/// measured period. Only the measured period counts.
/// </summary>
public static class Load
{
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="send">One request by worker <c>i</c>; true when it succeeded.</param>
    /// <param name="cpuTime">The loaded host's CPU time so far, when it is known.</param>
    /// <param name="pace">When given, each worker sends at most one request per this interval (an open rate, the same for
    /// any host that keeps up), instead of its next one as soon as the last is answered.</param>
    public static async Task<Measure> RunAsync(int connections, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> send, Func<TimeSpan>? cpuTime = null, TimeSpan? pace = null)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = Task.Run(async () =>
        {
            if (cpuTime is null)
            {
                return TimeSpan.Zero;
            }

            await Task.Delay(warmUp);
            var before = cpuTime();
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end));
            return cpuTime() - before;
        });
        var latencies = new List<double>[connections];
        var errors = new int[connections];
        var workers = Enumerable.Range(0, connections).Select(async i =>
        {
            latencies[i] = new List<double>(4096);
            await Task.Yield();
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end)
                {
                    return;
                }

                bool ok;
                try
                {
                    ok = await send(i);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                var answered = Stopwatch.GetTimestamp();
                if (sent >= measureFrom && answered <= end)
                {
                    latencies[i].Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                    if (!ok)
                    {
                        errors[i]++;
                    }
                }

                if (pace is { } interval && interval - Stopwatch.GetElapsedTime(sent) is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var hostCpu = await cpu;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measure(
            all.Length / duration.TotalSeconds,
            all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(all.Length * 0.99) - 1)],
            errors.Sum(),
            all.Length,
            all.Length == 0 ? 0 : hostCpu.TotalMilliseconds / all.Length);
    }
}
