using Incubator.BuildingBlocks.Jobs;

namespace Incubator.Host.Tests;

/// <summary>The scheduled jobs' own threads: their work comes back to them after each await, at a lower priority than requests.</summary>
public sealed class BackgroundLaneTests
{
    [Fact]
    public async Task Given_a_job_on_the_lane_When_it_awaits_Then_it_goes_on_on_a_lane_thread_whose_priority_is_lowered()
    {
        using var lane = new BackgroundLane(2);
        var seen = new List<(string? Thread, int? Niceness)>();

        await lane.RunAsync(async () =>
        {
            seen.Add((Thread.CurrentThread.Name, NicenessOfThisThread()));
            await Task.Yield();
            seen.Add((Thread.CurrentThread.Name, NicenessOfThisThread()));
            await Task.Delay(20); // completes on a timer thread: the continuation is sent back to the lane
            seen.Add((Thread.CurrentThread.Name, NicenessOfThisThread()));
        }, CancellationToken.None);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.StartsWith("background-lane-", s.Thread, StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            Assert.All(seen, s => Assert.Equal(BackgroundLane.Niceness, s.Niceness));
            Assert.Equal(0, NicenessOfThisThread()); // the test's own thread, like a request's, is untouched
        }
    }

    [Fact]
    public async Task Given_the_lane_turned_off_When_a_job_runs_Then_it_runs_on_the_thread_pool_at_the_normal_priority()
    {
        using var lane = new BackgroundLane(threads: 0);
        (bool Pool, string? Name, int? Niceness) seen = default;

        await lane.RunAsync(() =>
        {
            seen = (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name, NicenessOfThisThread());
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.True(seen.Pool);
        Assert.False(seen.Name?.StartsWith("background-lane-", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(0, seen.Niceness);
        }
    }

    [Fact]
    public async Task Given_a_job_that_fails_on_the_lane_When_awaited_Then_its_exception_reaches_the_caller()
    {
        using var lane = new BackgroundLane(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => lane.RunAsync(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("sweep failed");
        }, CancellationToken.None));

        Assert.Equal("sweep failed", error.Message);
    }

    /// <summary>Field 19 of /proc/thread-self/stat (counted after the command name, which may hold spaces).</summary>
    private static int? NicenessOfThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
