using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Incubator.BuildingBlocks.Jobs;

/// <summary>
/// Where the scheduled jobs run: a few threads of their own, at a lower scheduling priority than the threads that
/// answer requests. When the machine has CPU to spare (almost always) the jobs get all they ask for; when requests
/// need every core (a rush of submissions before a deadline), the operating system serves the requests first and
/// the jobs keep a small share, so they always progress, and catch up as soon as the rush eases (ADR 0015).
/// <para>
/// A job's own awaits come back to these threads: the lane is the <see cref="TaskScheduler.Current"/> its code runs
/// under. Library code that awaits with <c>ConfigureAwait(false)</c> after real I/O may continue for a while on a
/// thread-pool thread, at the normal priority, until it returns into the job.
/// </para>
/// </summary>
public sealed class BackgroundLane : TaskScheduler, IDisposable
{
    /// <summary>The niceness of the lane's threads on Linux (0 is a request's, 19 the lowest); BelowNormal on Windows.</summary>
    public const int Niceness = 19;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    /// <summary>The lane whose thread this is, if any: a task of this lane may run inline only on a thread of this lane.</summary>
    [ThreadStatic]
    private static BackgroundLane? _laneOfThread;

    public BackgroundLane()
        : this(Math.Max(2, Environment.ProcessorCount))
    {
    }

    /// <param name="threads">0: no lane, the jobs run on the thread pool at the normal priority (only to measure what the lane pays).</param>
    public BackgroundLane(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"background-lane-{i}" };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => Math.Max(1, _threads.Length);

    /// <summary>
    /// Runs <paramref name="work"/> on the lane; its awaits continue there. The caller goes on on a thread-pool thread at the
    /// normal priority, never on the lane thread that finished the work.
    /// </summary>
    public async Task RunAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (_threads.Length == 0)
        {
            await Task.Run(work, cancellationToken);
            return;
        }

        await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap()
            .ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
    }

    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _laneOfThread == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        _laneOfThread = this;
        LowerPriority();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>Lowers the calling thread's priority. Where that is refused, the lane still runs, at the normal priority.</summary>
    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // On Linux a niceness set for a thread id applies to that thread alone.
            _ = SetPriority(ProcessPriority, GetThreadId(), Niceness);
            return;
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
    }

    private const int ProcessPriority = 0; // PRIO_PROCESS

    // DllImport, not LibraryImport: these signatures need no marshalling, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
