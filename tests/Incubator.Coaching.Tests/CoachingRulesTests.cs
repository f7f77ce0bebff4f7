using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Contracts;
using Incubator.Coaching.Domain;

namespace Incubator.Coaching.Tests;

public sealed class CoachingRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 4, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 4, 15);

    private static List<Guid> Projects(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

    private static Assignment.PairLoad EmptyPair() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 0, 0);

    [Fact]
    public void Given_two_pairs_and_twelve_projects_When_spreading_Then_six_per_pair_and_three_led_by_each_coach()
    {
        var pairs = new[] { EmptyPair(), EmptyPair() };

        var placements = Assignment.Spread(Projects(12), pairs);

        Assert.Equal(12, placements.Count);
        foreach (var pair in pairs)
        {
            Assert.Equal(6, placements.Count(p => p.PairId == pair.PairId));
            Assert.Equal(3, placements.Count(p => p.LeadCoachUserId == pair.CoachA));
            Assert.Equal(3, placements.Count(p => p.LeadCoachUserId == pair.CoachB));
        }
    }

    [Fact]
    public void Given_more_projects_than_capacity_When_spreading_Then_the_rest_waits_for_a_pair()
    {
        var placements = Assignment.Spread(Projects(8), [EmptyPair()]);

        Assert.Equal(6, placements.Count);
    }

    [Fact]
    public void Given_five_projects_and_two_pairs_When_spreading_Then_balanced_three_and_two()
    {
        var pairs = new[] { EmptyPair(), EmptyPair() };

        var placements = Assignment.Spread(Projects(5), pairs);

        Assert.Equal([2, 3], pairs.Select(p => placements.Count(x => x.PairId == p.PairId)).Order());
    }

    [Fact]
    public void Given_the_same_input_When_spreading_twice_Then_the_same_placements()
    {
        var projects = Projects(9);
        var pairs = new[] { EmptyPair(), EmptyPair() };

        Assert.Equal(Assignment.Spread(projects, pairs), Assignment.Spread(projects.AsEnumerable().Reverse(), pairs.Reverse()));
    }

    [Fact]
    public void Given_a_pair_already_following_projects_When_spreading_Then_its_load_counts()
    {
        var busy = new Assignment.PairLoad(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 3, 2);
        var free = EmptyPair();

        var placements = Assignment.Spread(Projects(3), [busy, free]);

        Assert.Equal(3, placements.Count(p => p.PairId == free.PairId));
    }

    private static (CoachedProject Project, CoachingPair Pair) Followed()
    {
        var pair = CoachingPair.Form(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);
        var project = CoachedProject.Join(Guid.NewGuid(), pair.SeasonId, "Tiers-lieu", "26", Guid.NewGuid(), Now.AddDays(-60));
        project.AssignTo(pair.Id, pair.CoachAUserId);
        return (project, pair);
    }

    private static SessionLog Session(DateOnly date, int minutes = 90, DateOnly? next = null) =>
        new(date, minutes, SessionFormat.Video, [], "notes", "décisions", "prochaines étapes", next);

    [Fact]
    public void Given_a_session_in_the_future_When_logging_Then_refused_on_date()
    {
        var (project, pair) = Followed();

        var error = Assert.Throws<DomainException>(() => project.Log(Session(Today.AddDays(1)), pair, pair.CoachAUserId, Today, Now));

        Assert.Equal("date", error.Field);
        Assert.Empty(project.Sessions);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(481)]
    public void Given_a_duration_outside_5_minutes_to_8_hours_When_logging_Then_refused(int minutes)
    {
        var (project, pair) = Followed();

        var error = Assert.Throws<DomainException>(() => project.Log(Session(Today, minutes), pair, pair.CoachAUserId, Today, Now));

        Assert.Equal("durationMinutes", error.Field);
    }

    [Fact]
    public void Given_a_session_When_logging_Then_last_session_and_next_meeting_move_and_the_event_carries_the_minutes()
    {
        var (project, pair) = Followed();

        project.Log(Session(Today.AddDays(-2), 120, Today.AddDays(12)), pair, pair.CoachBUserId, Today, Now);

        Assert.Equal(Today.AddDays(-2), project.LastSessionOn);
        Assert.Equal(Today.AddDays(12), project.NextMeetingOn);
        var logged = Assert.IsType<CoachingSessionLogged>(Assert.Single(project.PendingEvents));
        Assert.Equal(120, logged.Minutes);
        Assert.Equal([pair.CoachBUserId], project.Sessions[0].CoachesPresent);
    }

    [Fact]
    public void Given_a_milestone_When_done_twice_Then_reached_once()
    {
        var (project, _) = Followed();

        project.SetMilestone("diagnostic", MilestoneStatus.Done, Today, Now);
        project.SetMilestone("diagnostic", MilestoneStatus.Done, Today, Now);

        Assert.Equal(1, project.MilestonesDone);
        Assert.Single(project.PendingEvents.OfType<MilestoneReached>());
        Assert.Throws<NotFoundException>(() => project.SetMilestone("party", MilestoneStatus.Done, Today, Now));
    }

    [Fact]
    public void Given_a_project_at_risk_without_a_reason_When_flagging_Then_refused()
    {
        var (project, _) = Followed();

        Assert.Throws<DomainException>(() => project.SetHealth(Health.AtRisk, " "));
        project.SetHealth(Health.AtRisk, "Le local est perdu");
        Assert.Equal(Health.AtRisk, project.Health);
    }

    [Fact]
    public void Given_no_session_for_four_weeks_When_checking_Then_not_seen_and_flagged_once_a_week()
    {
        var (project, pair) = Followed();
        project.Log(Session(Today.AddDays(-28)), pair, pair.CoachAUserId, Today, Now);

        Assert.True(project.NotSeenSince(Today));
        Assert.False(project.NotSeenSince(Today.AddDays(-1)));
        var monday = new DateOnly(2027, 4, 12);
        Assert.True(project.FlagForWeek(monday));
        Assert.False(project.FlagForWeek(monday));
    }
}
