using System.Text.Json;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

public sealed record DepartmentFigures(string DepartmentCode, int ApplicationsSubmitted, int ProjectsAccompanied);

public sealed record ProjectFigures(Guid ProjectId, string ProjectName, string DepartmentCode, decimal TrainingHours, decimal? AttendanceRate,
    int CoachingSessions, decimal CoachingHours, int MilestonesReached);

/// <summary>
/// How many people went through each stage of the season's selection: came to an information meeting, submitted an
/// application, passed the first screening (shortlisted, or waitlisted or selected straight away), met the jury (a
/// jury member gave a recommendation), were selected, and are accompanied in the approved cohort.
/// </summary>
public sealed record SelectionFunnel(int PeopleInformed, int ApplicationsSubmitted, int Shortlisted, int Interviewed, int Selected, int ProjectsAccompanied);

/// <summary>
/// The indicators a funder expects for a season (API.md, Funding), with the breakdowns by department and by project.
/// <c>applicationsReceived</c> counts submitted applications not withdrawn; <c>applicationsSubmitted</c> every one ever submitted.
/// <c>trainingHoursDelivered</c> adds up the hours attended by participants (present or remote).
/// </summary>
public sealed record FunderReportDto(
    Guid SeasonId,
    string SeasonName,
    DateTimeOffset ComputedAt,
    int ApplicationsReceived,
    int ApplicationsSubmitted,
    int ProjectsAccompanied,
    int TrainingSessionsHeld,
    decimal TrainingHoursDelivered,
    decimal? AttendanceRate,
    int CoachingSessions,
    decimal CoachingHours,
    int MilestonesReached,
    IReadOnlyList<string> DepartmentsReached,
    decimal FundingCommitted,
    decimal FundingReceived,
    IReadOnlyList<DepartmentFigures> ByDepartment,
    IReadOnlyList<ProjectFigures> ByProject,
    int InformationMeetingsHeld,
    int PeopleInformed,
    SelectionFunnel? Funnel,
    int PeopleTrained = 0,
    OutcomesDto? Outcomes = null,
    IReadOnlyList<CohortOutcomes>? PastCohorts = null);

public sealed record SnapshotSummaryDto(Guid Id, Guid SeasonId, Guid? FunderId, string Label, Guid ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record SnapshotDto(Guid Id, Guid SeasonId, Guid? FunderId, string Label, Guid ApprovedBy, DateTimeOffset ApprovedAt, FunderReportDto Report);

public sealed record ApproveReportInput(string? Label, Guid? FunderId);

/// <summary>How an approved report is shown: the figures as they were frozen.</summary>
internal static class SnapshotMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Freeze(FunderReportDto report) => JsonSerializer.Serialize(report, Json);

    public static SnapshotDto ToDto(ReportSnapshot s) =>
        new(s.Id, s.SeasonId, s.FunderId, s.Label, s.ApprovedBy, s.ApprovedAt, JsonSerializer.Deserialize<FunderReportDto>(s.Json, Json)!);
}

/// <summary>
/// Computes the report from the module's own read model in a fixed number of queries, whatever the season's size:
/// every figure is an aggregate grouped in the database, by department or by project.
/// </summary>
internal sealed class FunderReportComputation(FundingDbContext db, ISeasonDirectory seasons, TimeProvider time)
{
    public async Task<FunderReportDto> ComputeAsync(SeasonSummary season, CancellationToken cancellationToken)
    {
        var seasonId = season.Id;
        var applications = await FunderReportQueries.ApplicationsByDepartment(db, seasonId).ToListAsync(cancellationToken);
        var projects = await FunderReportQueries.Projects(db, seasonId).ToListAsync(cancellationToken);
        var attendance = await FunderReportQueries.AttendanceByProject(db, seasonId).ToListAsync(cancellationToken);
        var sessionsHeld = await FunderReportQueries.SessionsHeld(db, seasonId).CountAsync(cancellationToken);
        var coaching = await FunderReportQueries.CoachingByProject(db, seasonId).ToListAsync(cancellationToken);
        var milestones = await FunderReportQueries.MilestonesByProject(db, seasonId).ToListAsync(cancellationToken);
        var funding = await FunderReportQueries.Tranches(db, seasonId).ToListAsync(cancellationToken);
        var meetings = await FunderReportQueries.InformationMeetings(db, seasonId).ToListAsync(cancellationToken);
        var peopleTrained = await FunderReportQueries.PeopleTrained(db, seasonId).CountAsync(cancellationToken);
        var program = await TrackRecords.ReadAsync(db, seasons, season.ProgramId, cancellationToken);
        var outcomes = OutcomeFigures.Compute(program.RowsBySeason[seasonId].ToList());
        var pastCohorts = program.Cohorts.Where(c => c.StartsOn < season.StartsOn).ToList();

        var attendanceBy = attendance.ToDictionary(a => a.ProjectId);
        var coachingBy = coaching.ToDictionary(c => c.ProjectId);
        var milestonesBy = milestones.ToDictionary(m => m.ProjectId, m => m.Reached);
        var projectIds = projects.Select(p => p.ProjectId).ToHashSet();
        var lines = attendance.Sum(a => a.Lines);
        var attended = attendance.Sum(a => a.Attended);

        var byProject = projects.Select(p =>
        {
            var a = attendanceBy.GetValueOrDefault(p.ProjectId);
            var c = coachingBy.GetValueOrDefault(p.ProjectId);
            return new ProjectFigures(p.ProjectId, p.ProjectName, p.DepartmentCode, Hours(a?.Minutes ?? 0), a is null || a.Lines == 0 ? null : Rate(a.Attended, a.Lines),
                c?.Sessions ?? 0, Hours(c?.Minutes ?? 0), milestonesBy.GetValueOrDefault(p.ProjectId));
        }).OrderBy(p => p.ProjectName, StringComparer.CurrentCulture).ToList();

        var departments = applications.Select(a => a.Department).Concat(projects.Select(p => p.DepartmentCode)).Where(d => d.Length > 0).Distinct().Order(StringComparer.Ordinal);
        var byDepartment = departments.Select(d => new DepartmentFigures(d,
            applications.Where(a => a.Department == d).Sum(a => a.Submitted), projects.Count(p => p.DepartmentCode == d))).ToList();

        // A meeting counts as held once its attendance is recorded with someone present.
        var peopleInformed = meetings.Sum(m => m.Attended);
        var funnel = new SelectionFunnel(peopleInformed, applications.Sum(a => a.Submitted), applications.Sum(a => a.Shortlisted),
            applications.Sum(a => a.Interviewed), applications.Sum(a => a.Selected), projects.Count);

        return new FunderReportDto(
            seasonId,
            season.Name,
            time.GetUtcNow(),
            ApplicationsReceived: applications.Sum(a => a.Received),
            ApplicationsSubmitted: applications.Sum(a => a.Submitted),
            ProjectsAccompanied: projects.Count,
            TrainingSessionsHeld: sessionsHeld,
            TrainingHoursDelivered: Hours(attendance.Sum(a => a.Minutes)),
            AttendanceRate: lines == 0 ? null : Rate(attended, lines),
            // Coaching and milestones count for the cohort's projects, the ones the season accompanies.
            CoachingSessions: coaching.Where(c => projectIds.Contains(c.ProjectId)).Sum(c => c.Sessions),
            CoachingHours: Hours(coaching.Where(c => projectIds.Contains(c.ProjectId)).Sum(c => c.Minutes)),
            MilestonesReached: milestones.Where(m => projectIds.Contains(m.ProjectId)).Sum(m => m.Reached),
            DepartmentsReached: projects.Select(p => p.DepartmentCode).Distinct().Order(StringComparer.Ordinal).ToList(),
            FundingCommitted: funding.Sum(t => t.Amount),
            FundingReceived: funding.Where(t => t.Received).Sum(t => t.Amount),
            byDepartment,
            byProject,
            InformationMeetingsHeld: meetings.Count(m => m.Attended > 0),
            PeopleInformed: peopleInformed,
            Funnel: funnel,
            PeopleTrained: peopleTrained,
            Outcomes: outcomes,
            PastCohorts: pastCohorts);
    }

    private static decimal Hours(int minutes) => Math.Round(minutes / 60m, 2);

    private static decimal Rate(int part, int whole) => Math.Round((decimal)part / whole, 4);
}

internal sealed record DepartmentRow(string Department, int Submitted, int Received, int Shortlisted, int Interviewed, int Selected);

internal sealed record MeetingRow(int Registered, int Attended);

internal sealed record ProjectRow(Guid ProjectId, string ProjectName, string DepartmentCode);

internal sealed record AttendanceRow(Guid ProjectId, int Lines, int Attended, int Minutes);

internal sealed record CoachingRow(Guid ProjectId, int Sessions, int Minutes);

internal sealed record MilestoneRow(Guid ProjectId, int Reached);

internal sealed record TrancheFigure(decimal Amount, bool Received);

/// <summary>The report's queries from its own read model, each an aggregate the database computes; the SQL Server compatibility test parses them too.</summary>
internal static class FunderReportQueries
{
    public static IQueryable<DepartmentRow> ApplicationsByDepartment(FundingDbContext db, Guid seasonId) =>
        db.Applications.AsNoTracking()
            .Where(a => a.SeasonId == seasonId && a.SubmittedAt != null)
            .GroupBy(a => a.DepartmentCode)
            .Select(g => new DepartmentRow(g.Key, g.Count(), g.Count(a => a.WithdrawnAt == null), g.Count(a => a.ShortlistedAt != null),
                g.Count(a => a.InterviewedAt != null), g.Count(a => a.SelectedAt != null)));

    public static IQueryable<ProjectRow> Projects(FundingDbContext db, Guid seasonId) =>
        db.Projects.AsNoTracking().Where(p => p.SeasonId == seasonId).Select(p => new ProjectRow(p.ProjectId, p.ProjectName, p.DepartmentCode));

    public static IQueryable<AttendanceRow> AttendanceByProject(FundingDbContext db, Guid seasonId) =>
        db.Attendance.AsNoTracking().Where(a => a.SeasonId == seasonId)
            .GroupBy(a => a.ProjectId)
            .Select(g => new AttendanceRow(g.Key, g.Count(), g.Count(a => a.Attended), g.Sum(a => a.Minutes)));

    public static IQueryable<Guid> SessionsHeld(FundingDbContext db, Guid seasonId) =>
        db.Attendance.AsNoTracking().Where(a => a.SeasonId == seasonId && a.Attended).Select(a => a.SessionId).Distinct();

    public static IQueryable<CoachingRow> CoachingByProject(FundingDbContext db, Guid seasonId) =>
        db.CoachingSessions.AsNoTracking().Where(s => s.SeasonId == seasonId)
            .GroupBy(s => s.ProjectId)
            .Select(g => new CoachingRow(g.Key, g.Count(), g.Sum(s => s.Minutes)));

    public static IQueryable<MilestoneRow> MilestonesByProject(FundingDbContext db, Guid seasonId) =>
        db.Milestones.AsNoTracking().Where(m => m.SeasonId == seasonId)
            .GroupBy(m => m.ProjectId)
            .Select(g => new MilestoneRow(g.Key, g.Count()));

    /// <summary>The people (each project's holder and team members, by their line on the sheets) present at least once.</summary>
    public static IQueryable<string> PeopleTrained(FundingDbContext db, Guid seasonId) =>
        db.Attendance.AsNoTracking().Where(a => a.SeasonId == seasonId && a.Attended && a.PersonKey != "").Select(a => a.PersonKey).Distinct();

    public static IQueryable<MeetingRow> InformationMeetings(FundingDbContext db, Guid seasonId) =>
        db.InformationMeetings.AsNoTracking().Where(m => m.SeasonId == seasonId).Select(m => new MeetingRow(m.Registered, m.Attended));

    public static IQueryable<TrancheFigure> Tranches(FundingDbContext db, Guid seasonId) =>
        db.Agreements.AsNoTracking().Where(a => a.SeasonId == seasonId)
            .SelectMany(a => a.Tranches)
            .Select(t => new TrancheFigure(t.Amount, t.Status == TrancheStatus.Received));
}
