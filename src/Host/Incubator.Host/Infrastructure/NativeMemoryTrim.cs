using System.Runtime.InteropServices;

namespace Incubator.Host.Infrastructure;

/// <summary>
/// Gives native memory that has been freed back to the system, every <c>Incubator:Memory:TrimNativeEverySeconds</c>
/// (1 by default) while the host is active (ADR 0017, ADR 0022).
/// On Linux with glibc, memory freed by SQLite's page caches, the JIT and the TLS and crypto libraries stays in
/// the allocator's arenas, scattered between live blocks, and glibc only returns the top of each arena by itself.
/// Under a submission rush that free memory held 15 to 29 MB of the host's resident memory; <c>malloc_trim</c>
/// releases the whole free pages inside every arena. Elsewhere (Windows, macOS, musl) this does nothing.
/// It is not a Hangfire job: a job a second would keep tens of thousands of finished jobs in the job storage, the
/// memory this gives back, and it carries no business state to sweep.
/// </summary>
internal sealed class NativeMemoryTrim(IConfiguration configuration, ILogger<NativeMemoryTrim> logger) : BackgroundService
{
    private const string Libc = "libc.so.6";

    /// <summary>Whether this process runs on glibc, which has <c>malloc_trim</c>.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux()
        && NativeLibrary.TryLoad(Libc, out var libc)
        && NativeLibrary.TryGetExport(libc, "malloc_trim", out _);

    /// <summary>Returns the free pages of every arena to the system; true when some were returned.</summary>
    public static bool Trim() => Supported && MallocTrim(0) == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // ADR 0022: with a season of 50,000 applications the full benchmark peaked at 272 MB with it and 291 MB without it,
        // against a budget of 300 MB; it stays on, though the mixed loads ran faster without it in three runs.
        var every = configuration.GetValue("Incubator:Memory:TrimNativeEverySeconds", 1.0);
        if (!Supported || every <= 0)
        {
            logger.LogDebug("Native memory is not trimmed (glibc: {Supported}, every {Every} s)", Supported, every);
            return;
        }

        // An idle host frees nothing: a second without a collection of the managed heap is a second without
        // requests or jobs worth speaking of, and is skipped.
        var collections = -1;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(every));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = GC.CollectionCount(0);
            if (now != collections)
            {
                collections = now;
                Trim();
            }
        }
    }

    [DllImport(Libc, EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
