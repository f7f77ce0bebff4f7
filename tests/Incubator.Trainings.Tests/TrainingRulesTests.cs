using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Contracts;
using Incubator.Trainings.Domain;

namespace Incubator.Trainings.Tests;

public sealed class TrainingRulesTests
{
    private static readonly DateOnly SeasonStart = new(2027, 3, 1);
    private static readonly DateOnly SeasonEnd = new(2028, 5, 31);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Paris(int y, int m, int d, int h, int min) => ParisTime.FromLocal(new DateTime(y, m, d, h, min, 0));

    private static TrainingSession Session(DateTimeOffset start, double hours = 7.5, TrainingMode mode = TrainingMode.InPerson, string? url = null) =>
        TrainingSession.Plan(Guid.NewGuid(), null,
            new SessionPlan("Modèle économique", null, start, start.AddHours(hours), null, new Place("La Cordonnerie", "2 rue des Alpes", "Romans-sur-Isère"),
                new TrainerRef("Camille", "URSCOP"), 12, mode, url),
            SeasonStart, SeasonEnd, Now);

    [Fact]
    public void Given_the_first_thursday_When_planning_a_monthly_series_Then_every_first_thursday_at_the_same_paris_hour_skipping_august()
    {
        var starts = MonthlySeries.Starts(Paris(2027, 3, 4, 9, 30), 7, [8]);

        Assert.Equal(
            [new DateOnly(2027, 3, 4), new DateOnly(2027, 4, 1), new DateOnly(2027, 5, 6), new DateOnly(2027, 6, 3), new DateOnly(2027, 7, 1), new DateOnly(2027, 9, 2), new DateOnly(2027, 10, 7)],
            starts.Select(s => DateOnly.FromDateTime(ParisTime.ToLocal(s))));
        Assert.All(starts, s => Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(ParisTime.ToLocal(s))));
        Assert.All(starts, s => Assert.Equal(DayOfWeek.Thursday, ParisTime.ToLocal(s).DayOfWeek));
        // Winter and summer time: the same wall-clock hour is a different UTC hour.
        Assert.Equal(8, starts[0].UtcDateTime.Hour);
        Assert.Equal(7, starts[1].UtcDateTime.Hour);
    }

    [Fact]
    public void Given_a_fifth_weekday_When_planning_a_series_Then_the_following_months_take_their_last_one()
    {
        var starts = MonthlySeries.Starts(Paris(2027, 3, 31, 14, 0), 3, []);

        Assert.Equal([new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 28), new DateOnly(2027, 5, 26)],
            starts.Select(s => DateOnly.FromDateTime(ParisTime.ToLocal(s))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Given_a_count_out_of_bounds_When_planning_a_series_Then_the_count_is_refused(int count)
    {
        var error = Assert.Throws<DomainException>(() => MonthlySeries.Starts(Paris(2027, 3, 4, 9, 30), count, [8]));
        Assert.Equal("count", error.Field);
    }

    [Fact]
    public void Given_a_session_outside_the_season_or_remote_without_link_When_planning_Then_the_field_at_fault_is_named()
    {
        Assert.Equal("startsAt", Assert.Throws<DomainException>(() => Session(Paris(2028, 6, 1, 9, 30))).Field);
        Assert.Equal("remoteUrl", Assert.Throws<DomainException>(() => Session(Paris(2027, 4, 1, 9, 30), mode: TrainingMode.Hybrid)).Field);
        Assert.Equal("remoteUrl", Assert.Throws<DomainException>(() => Session(Paris(2027, 4, 1, 9, 30), mode: TrainingMode.Remote, url: "javascript:alert(1)")).Field);
        Assert.Equal("endsAt", Assert.Throws<DomainException>(() => Session(Paris(2027, 4, 1, 9, 30), hours: 13)).Field);
        Assert.Equal("endsAt", Assert.Throws<DomainException>(() => Session(Paris(2027, 4, 1, 9, 30), hours: -1)).Field);
    }

    [Fact]
    public void Given_an_enrolment_When_time_passes_Then_the_week_and_day_reminders_fall_due_once_each()
    {
        var start = Paris(2027, 4, 1, 9, 30);
        var session = Session(start);
        Assert.True(session.Enrol(Guid.NewGuid(), "Garage solidaire", Guid.NewGuid(), Now));
        var enrolment = Assert.Single(session.Enrolments);

        Assert.Null(enrolment.DueReminder(start, start.AddDays(-8)));
        Assert.Equal(7, enrolment.DueReminder(start, start.AddDays(-7)));
        enrolment.MarkReminded(7, start.AddDays(-7));
        Assert.Null(enrolment.DueReminder(start, start.AddDays(-3)));
        Assert.Equal(1, enrolment.DueReminder(start, start.AddHours(-20)));
        enrolment.MarkReminded(1, start.AddHours(-20));
        Assert.Null(enrolment.DueReminder(start, start.AddHours(-2)));
        Assert.Null(enrolment.DueReminder(start, start.AddHours(1)));
    }

    [Fact]
    public void Given_a_project_enrolled_late_When_the_day_reminder_is_already_due_Then_only_that_one_is_sent()
    {
        var start = Paris(2027, 4, 1, 9, 30);
        var session = Session(start);
        session.Enrol(Guid.NewGuid(), "Tiers-lieu", Guid.NewGuid(), start.AddHours(-10));
        var enrolment = session.Enrolments[0];

        Assert.Equal(1, enrolment.DueReminder(start, start.AddHours(-10)));
        enrolment.MarkReminded(1, start.AddHours(-10));
        Assert.Null(enrolment.DueReminder(start, start.AddHours(-9)));
    }

    [Fact]
    public void Given_an_enrolled_project_When_enrolling_it_again_Then_nothing_changes()
    {
        var session = Session(Paris(2027, 4, 1, 9, 30));
        var project = Guid.NewGuid();

        Assert.True(session.Enrol(project, "Garage", Guid.NewGuid(), Now));
        Assert.False(session.Enrol(project, "Garage", Guid.NewGuid(), Now));
        Assert.Single(session.Enrolments);
    }

    [Fact]
    public void Given_an_attendance_sheet_When_recorded_Then_hours_default_to_the_session_and_the_rate_counts_present_and_remote()
    {
        var session = Session(Paris(2027, 4, 1, 9, 30), hours: 7.5);
        var garage = Guid.NewGuid();
        var tiersLieu = Guid.NewGuid();
        session.Enrol(garage, "Garage", Guid.NewGuid(), Now);
        session.Enrol(tiersLieu, "Tiers-lieu", Guid.NewGuid(), Now);

        session.RecordAttendance(
        [
            new AttendanceEntry(garage, "Awa", AttendanceStatus.Present, null),
            new AttendanceEntry(garage, "Bruno", AttendanceStatus.Remote, 3.5m),
            new AttendanceEntry(tiersLieu, "Chloé", AttendanceStatus.Excused, 4m),
            new AttendanceEntry(tiersLieu, "Driss", AttendanceStatus.Absent, null),
        ], Now);

        Assert.Equal([7.5m, 3.5m, 0m, 0m], session.Attendance.Select(a => a.Hours));
        Assert.Equal(0.5m, session.AttendanceRate);
        Assert.True(session.Held);
        var recorded = Assert.IsType<TrainingAttendanceRecorded>(Assert.Single(session.PendingEvents));
        Assert.Equal(1, recorded.Revision);
        Assert.Equal(11m, recorded.Lines.Sum(l => l.Hours));

        session.RecordAttendance([new AttendanceEntry(garage, "Awa", AttendanceStatus.Absent, null)], Now);
        Assert.False(session.Held);
        Assert.Equal(2, ((TrainingAttendanceRecorded)session.PendingEvents.Last()).Revision);
    }

    [Fact]
    public void Given_a_bad_sheet_When_recorded_Then_it_is_refused_whole_and_the_previous_sheet_stays()
    {
        var session = Session(Paris(2027, 4, 1, 9, 30), hours: 4);
        var garage = Guid.NewGuid();
        session.Enrol(garage, "Garage", Guid.NewGuid(), Now);
        session.RecordAttendance([new AttendanceEntry(garage, "Awa", AttendanceStatus.Present, null)], Now);

        Assert.Equal("[1].projectId", Assert.Throws<DomainException>(() => session.RecordAttendance(
            [new AttendanceEntry(garage, "Awa", AttendanceStatus.Absent, null), new AttendanceEntry(Guid.NewGuid(), "Intrus", AttendanceStatus.Present, null)], Now)).Field);
        Assert.Equal("[0].hours", Assert.Throws<DomainException>(() => session.RecordAttendance(
            [new AttendanceEntry(garage, "Awa", AttendanceStatus.Present, 5m)], Now)).Field);
        Assert.Throws<DomainException>(() => session.RecordAttendance(
            [new AttendanceEntry(garage, "Awa", AttendanceStatus.Present, null), new AttendanceEntry(garage, " awa ", AttendanceStatus.Remote, null)], Now));

        Assert.Equal(AttendanceStatus.Present, Assert.Single(session.Attendance).Status);
        Assert.Equal(4m, session.Attendance[0].Hours);
    }
}
