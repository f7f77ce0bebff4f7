using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Contracts;
using Incubator.Seasons.Domain;

namespace Incubator.Seasons.Tests;

public sealed class SeasonRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OpensAt = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = new(2027, 1, 31, 22, 59, 59, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();

    private static Season Draft(int? capacity = 6, DateOnly? endsOn = null) =>
        Season.Plan(Guid.NewGuid(), new SeasonPlan("Saison 2027", new DateOnly(2027, 3, 1), endsOn, OpensAt, ClosesAt, capacity), Now);

    private static Season InSelection(int? capacity = 6)
    {
        var season = Draft(capacity);
        season.OpenApplications(Now);
        season.CloseApplications(ClosesAt);
        return season;
    }

    private static EligibleApplication Decided(Season season, ApplicationDecision decision, string name = "Garage solidaire") =>
        EligibleApplication.From(new ApplicationDecided(Guid.NewGuid(), season.Id, Guid.NewGuid(), name, "26", decision, null, Now));

    [Fact]
    public void Given_no_end_date_When_planning_Then_the_season_lasts_fifteen_months()
    {
        var season = Draft();

        Assert.Equal(new DateOnly(2028, 6, 1), season.EndsOn);
        Assert.Equal(SeasonStatus.Draft, season.Status);
    }

    [Fact]
    public void Given_a_call_closing_before_it_opens_When_planning_Then_the_closing_time_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Season.Plan(Guid.NewGuid(), new SeasonPlan("S", new DateOnly(2027, 3, 1), null, ClosesAt, OpensAt, null), Now));

        Assert.Equal("applicationsCloseAt", error.Field);
    }

    [Fact]
    public void Given_a_call_closing_after_the_start_When_planning_Then_the_closing_time_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Season.Plan(Guid.NewGuid(), new SeasonPlan("S", new DateOnly(2027, 1, 15), null, OpensAt, ClosesAt, null), Now));

        Assert.Equal("applicationsCloseAt", error.Field);
    }

    [Fact]
    public void Given_an_end_before_the_start_When_planning_Then_the_end_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Draft(endsOn: new DateOnly(2027, 2, 1)));

        Assert.Equal("endsOn", error.Field);
    }

    [Fact]
    public void Given_a_draft_When_opening_Then_it_accepts_applications_within_the_window_to_the_second()
    {
        var season = Draft();

        season.OpenApplications(Now);

        Assert.Equal(SeasonStatus.ApplicationsOpen, season.Status);
        Assert.False(season.AcceptsApplicationsAt(OpensAt.AddSeconds(-1)));
        Assert.True(season.AcceptsApplicationsAt(OpensAt));
        Assert.True(season.AcceptsApplicationsAt(ClosesAt.AddSeconds(-1)));
        Assert.False(season.AcceptsApplicationsAt(ClosesAt));
        Assert.IsType<SeasonOpenedForApplications>(Assert.Single(season.PendingEvents));
    }

    [Fact]
    public void Given_a_closing_time_already_past_When_opening_Then_conflict()
    {
        var season = Draft();

        Assert.Throws<ConflictException>(() => season.OpenApplications(ClosesAt));
        Assert.Equal(SeasonStatus.Draft, season.Status);
    }

    [Fact]
    public void Given_an_open_call_When_opening_again_Then_conflict()
    {
        var season = Draft();
        season.OpenApplications(Now);

        Assert.Throws<ConflictException>(() => season.OpenApplications(Now));
    }

    [Fact]
    public void Given_an_open_call_When_a_lead_closes_it_early_Then_the_window_ends_now()
    {
        var season = Draft();
        season.OpenApplications(Now);
        var early = OpensAt.AddDays(10);

        season.CloseApplications(early);

        Assert.Equal(SeasonStatus.Selection, season.Status);
        Assert.Equal(early, season.ApplicationsCloseAt);
        Assert.False(season.AcceptsApplicationsAt(early));
        Assert.Contains(season.PendingEvents, e => e is ApplicationWindowClosed);
    }

    [Fact]
    public void Given_time_passing_When_the_sweep_runs_Then_the_window_closes_the_season_starts_and_ends()
    {
        var season = Draft();
        season.OpenApplications(Now);

        Assert.False(season.AdvanceTo(ClosesAt.AddSeconds(-1), new DateOnly(2027, 1, 31)));
        Assert.True(season.AdvanceTo(ClosesAt, new DateOnly(2027, 1, 31)));
        Assert.Equal(SeasonStatus.Selection, season.Status);

        Assert.True(season.AdvanceTo(ClosesAt.AddDays(30), new DateOnly(2027, 3, 1)));
        Assert.Equal(SeasonStatus.Running, season.Status);
        Assert.Contains(season.PendingEvents, e => e is SeasonStarted);

        Assert.False(season.AdvanceTo(ClosesAt.AddDays(60), new DateOnly(2028, 6, 1)));
        Assert.True(season.AdvanceTo(ClosesAt.AddDays(600), new DateOnly(2028, 6, 2)));
        Assert.Equal(SeasonStatus.Closed, season.Status);
    }

    [Fact]
    public void Given_a_closed_call_When_moving_its_dates_Then_conflict()
    {
        var season = InSelection();

        Assert.Throws<ConflictException>(() =>
            season.Replan(new SeasonPlan("S", new DateOnly(2027, 4, 1), null, OpensAt, season.ApplicationsCloseAt, 6)));
    }

    [Fact]
    public void Given_no_capacity_set_When_coaching_pairs_are_formed_Then_capacity_is_six_per_pair()
    {
        var season = Draft(capacity: null);
        Assert.Null(season.Capacity);

        season.SetCoachingPairs(2);

        Assert.Equal(12, season.Capacity);
    }

    [Fact]
    public void Given_a_capacity_set_When_coaching_pairs_are_formed_Then_the_set_capacity_wins()
    {
        var season = Draft(capacity: 4);

        season.SetCoachingPairs(2);

        Assert.Equal(4, season.Capacity);
    }

    [Fact]
    public void Given_shortlisted_applications_When_proposing_within_capacity_Then_the_cohort_is_proposed()
    {
        var season = InSelection(capacity: 2);
        var a = Decided(season, ApplicationDecision.Shortlisted, "Tiers-lieu");
        var b = Decided(season, ApplicationDecision.Selected, "Garage");

        season.ProposeCohort([a.ApplicationId, b.ApplicationId], [a, b], Lead, Now);

        Assert.Equal(CohortStatus.Proposed, season.CohortStatus);
        Assert.Equal(["Tiers-lieu", "Garage"], season.CohortMembers.Select(m => m.ProjectName));
    }

    [Fact]
    public void Given_more_projects_than_capacity_When_proposing_Then_refused()
    {
        var season = InSelection(capacity: 1);
        var a = Decided(season, ApplicationDecision.Shortlisted);
        var b = Decided(season, ApplicationDecision.Shortlisted);

        var error = Assert.Throws<DomainException>(() => season.ProposeCohort([a.ApplicationId, b.ApplicationId], [a, b], Lead, Now));

        Assert.Equal("applicationIds", error.Field);
        Assert.Equal(CohortStatus.Empty, season.CohortStatus);
    }

    [Theory]
    [InlineData(ApplicationDecision.Rejected)]
    [InlineData(ApplicationDecision.Waitlisted)]
    public void Given_an_application_neither_shortlisted_nor_selected_When_proposing_Then_refused(ApplicationDecision decision)
    {
        var season = InSelection();
        var a = Decided(season, decision);

        Assert.Throws<DomainException>(() => season.ProposeCohort([a.ApplicationId], [a], Lead, Now));
    }

    [Fact]
    public void Given_an_application_of_another_season_When_proposing_Then_refused()
    {
        var season = InSelection();
        var other = InSelection();
        var a = Decided(other, ApplicationDecision.Selected);

        Assert.Throws<DomainException>(() => season.ProposeCohort([a.ApplicationId], [a], Lead, Now));
    }

    [Fact]
    public void Given_an_open_call_When_proposing_a_cohort_Then_conflict()
    {
        var season = Draft();
        season.OpenApplications(Now);
        var a = Decided(season, ApplicationDecision.Selected);

        Assert.Throws<ConflictException>(() => season.ProposeCohort([a.ApplicationId], [a], Lead, Now));
    }

    [Fact]
    public void Given_a_proposed_cohort_When_approving_Then_approved_once_with_its_projects_in_the_event()
    {
        var season = InSelection();
        var a = Decided(season, ApplicationDecision.Selected, "Bien vieillir");
        season.ProposeCohort([a.ApplicationId], [a], Lead, Now);
        season.ClearPendingEvents();

        season.ApproveCohort([a], Lead, Now);

        Assert.Equal(CohortStatus.Approved, season.CohortStatus);
        var approved = Assert.IsType<CohortApproved>(Assert.Single(season.PendingEvents));
        var project = Assert.Single(approved.Projects);
        Assert.Equal((a.ApplicationId, "Bien vieillir", "26"), (project.ProjectId, project.ProjectName, project.DepartmentCode));
        Assert.Throws<ConflictException>(() => season.ApproveCohort([a], Lead, Now));
        Assert.Throws<ConflictException>(() => season.ProposeCohort([a.ApplicationId], [a], Lead, Now));
    }

    [Fact]
    public void Given_no_proposal_When_approving_Then_conflict()
    {
        var season = InSelection();

        Assert.Throws<ConflictException>(() => season.ApproveCohort([], Lead, Now));
    }

    [Fact]
    public void Given_a_proposed_project_withdrawn_since_When_approving_Then_conflict_naming_it_and_nothing_approved()
    {
        var season = InSelection();
        var a = Decided(season, ApplicationDecision.Selected, "Bien vieillir");
        var b = Decided(season, ApplicationDecision.Selected, "Tiers-lieu");
        season.ProposeCohort([a.ApplicationId, b.ApplicationId], [a, b], Lead, Now);
        season.ClearPendingEvents();
        b.Withdraw(Now.AddMinutes(1));

        var refused = Assert.Throws<ConflictException>(() => season.ApproveCohort([a, b], Lead, Now));

        Assert.Contains("Tiers-lieu", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bien vieillir", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CohortStatus.Proposed, season.CohortStatus);
        Assert.Empty(season.PendingEvents);
    }

    [Fact]
    public void Given_a_withdrawn_application_When_proposing_Then_refused()
    {
        var season = InSelection();
        var a = Decided(season, ApplicationDecision.Selected);
        a.Withdraw(Now.AddMinutes(1));

        Assert.Throws<DomainException>(() => season.ProposeCohort([a.ApplicationId], [a], Lead, Now));
    }

    [Fact]
    public void Given_an_older_decision_replayed_late_When_applied_Then_the_newer_decision_stands()
    {
        var season = InSelection();
        var id = Guid.NewGuid();
        var known = EligibleApplication.From(new ApplicationDecided(id, season.Id, Guid.Empty, "P", "07", ApplicationDecision.Selected, null, Now.AddHours(2)));

        known.Apply(new ApplicationDecided(id, season.Id, Guid.Empty, "P", "07", ApplicationDecision.Shortlisted, null, Now.AddHours(1)));

        Assert.Equal(ApplicationDecision.Selected, known.Decision);
    }
}
