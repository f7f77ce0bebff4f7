using System.Diagnostics;

namespace Incubator.LoadTests;

/// <summary>What one scenario measured: requests per second, the 99th percentile, and the failed requests.</summary>
public sealed record Measure(double Rps, double P99Ms, int Errors, int Requests);

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
    public static async Task<Measure> RunAsync(int connections, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
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
            }
        }).ToList();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measure(
            all.Length / duration.TotalSeconds,
            all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(all.Length * 0.99) - 1)],
            errors.Sum(),
            all.Length);
    }
}
