using System.Diagnostics;

namespace Incubator.BuildingBlocks.Jobs;

/// <summary>
/// How many requests the host is answering at this moment, so that work which may wait (the outbox's deliveries, the
/// mails) steps aside while many are: a job that has found a batch to handle asks <see cref="WhenEasedAsync"/>
/// first; a sweep that finds nothing never waits. The wait is bounded:
/// under a load that never eases a job still takes one batch per <see cref="Patience"/>, and it catches up as soon
/// as the load falls (ADR 0016). The lane's lower priority alone was not enough: the jobs ran whenever the request
/// threads waited on the disk, and their commits then shared the disk with the requests' own (issue 9).
/// </summary>
public sealed class RequestLoad
{
    /// <summary>How often a waiting job looks again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private int _inFlight;

    public RequestLoad()
        : this(Math.Max(4, 2 * Environment.ProcessorCount), TimeSpan.FromSeconds(3))
    {
    }

    public RequestLoad(int busyAt, TimeSpan patience)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyAt, 1);
        BusyAt = busyAt;
        Patience = patience;
    }

    /// <summary>From this many requests at once, the host is busy: two per core, four at least.</summary>
    public int BusyAt { get; }

    /// <summary>The longest a job waits for the load to ease before it takes one batch all the same.</summary>
    public TimeSpan Patience { get; }

    /// <summary>The requests being answered now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public bool IsBusy => InFlight >= BusyAt;

    /// <summary>Called when a request starts; <see cref="Ended"/> when it has been answered (or has failed).</summary>
    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Ended() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Completes at once when the host is not busy; else when it is no longer, or after <see cref="Patience"/>.</summary>
    public async Task WhenEasedAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (IsBusy && Stopwatch.GetElapsedTime(started) < Patience)
        {
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
