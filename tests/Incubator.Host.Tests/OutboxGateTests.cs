using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Host.Tests;

/// <summary>When a commit queues a sweep of its module's outbox, and when the sweep going or queued reads it instead.</summary>
public sealed class OutboxGateTests
{
    [Fact]
    public void Given_a_rush_of_commits_When_no_sweep_has_started_Then_one_sweep_is_queued()
    {
        var gate = new OutboxGate();

        Assert.True(gate.Ask());
        Assert.False(gate.Ask());
        Assert.False(gate.Ask());
    }

    [Fact]
    public void Given_a_sweep_going_When_a_commit_asks_Then_the_sweep_goes_round_again_and_nothing_is_queued()
    {
        var gate = new OutboxGate();
        Assert.True(gate.Ask());
        Assert.True(gate.Enter());

        Assert.False(gate.Ask());

        Assert.True(gate.GoRoundAgain());
        Assert.False(gate.GoRoundAgain());
    }

    [Fact]
    public void Given_a_sweep_that_started_When_a_commit_asks_after_it_ended_Then_a_new_sweep_is_queued()
    {
        var gate = new OutboxGate();
        Assert.True(gate.Ask());
        Assert.True(gate.Enter());
        Assert.False(gate.GoRoundAgain());

        Assert.True(gate.Ask());
    }

    [Fact]
    public void Given_a_queued_sweep_that_never_ran_When_the_scheduled_sweep_runs_Then_the_next_commit_queues_again()
    {
        var gate = new OutboxGate();
        Assert.True(gate.Ask()); // this run is lost (the job was never picked up)

        Assert.True(gate.Enter()); // the sweep's own schedule
        Assert.False(gate.GoRoundAgain());

        Assert.True(gate.Ask());
    }

    [Fact]
    public void Given_two_runs_at_once_When_the_second_enters_Then_it_leaves_the_work_to_the_first()
    {
        var gate = new OutboxGate();
        Assert.True(gate.Enter());

        Assert.False(gate.Enter());

        Assert.True(gate.GoRoundAgain());
        Assert.False(gate.GoRoundAgain());
    }
}
