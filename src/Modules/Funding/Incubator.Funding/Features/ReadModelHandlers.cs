using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Coaching.Contracts;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Meetings.Contracts;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

// What the other modules publish, recorded once each for the funders' report. Every handler upserts by the
// fact's own key, so a replay under a new message id gives the same figures as the inbox does for the same id.

internal sealed class WhenApplicationSubmitted(FundingDbContext db, TimeProvider time) : InboxHandler<ApplicationSubmitted, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationSubmitted submitted, CancellationToken cancellationToken)
    {
        var row = await ReportApplications.RowAsync(Db, submitted.ApplicationId, submitted.SeasonId, submitted.DepartmentCode, cancellationToken);
        row.DepartmentCode = submitted.DepartmentCode;
        row.SubmittedAt ??= submitted.SubmittedAt;
    }
}

internal sealed class WhenApplicationWithdrawn(FundingDbContext db, TimeProvider time) : InboxHandler<ApplicationWithdrawn, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationWithdrawn withdrawn, CancellationToken cancellationToken)
    {
        var row = await ReportApplications.RowAsync(Db, withdrawn.ApplicationId, withdrawn.SeasonId, string.Empty, cancellationToken);
        row.WithdrawnAt ??= withdrawn.WithdrawnAt;
    }
}

/// <summary>
/// Where an application went in the selection, for the funnel. Each stage is kept as first reached, so decisions
/// delivered in any order give the same funnel.
/// </summary>
internal sealed class WhenApplicationDecided(FundingDbContext db, TimeProvider time) : InboxHandler<ApplicationDecided, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationDecided decided, CancellationToken cancellationToken)
    {
        var row = await ReportApplications.RowAsync(Db, decided.ApplicationId, decided.SeasonId, decided.DepartmentCode, cancellationToken);
        if (decided.Decision is not ApplicationDecision.Rejected)
        {
            row.ShortlistedAt = ReportApplications.Earliest(row.ShortlistedAt, decided.DecidedAt);
        }

        if (decided.Decision is ApplicationDecision.Selected)
        {
            row.SelectedAt = ReportApplications.Earliest(row.SelectedAt, decided.DecidedAt);
        }
    }
}

internal sealed class WhenApplicationInterviewed(FundingDbContext db, TimeProvider time) : InboxHandler<ApplicationInterviewed, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationInterviewed interviewed, CancellationToken cancellationToken)
    {
        var row = await ReportApplications.RowAsync(Db, interviewed.ApplicationId, interviewed.SeasonId, string.Empty, cancellationToken);
        row.InterviewedAt = ReportApplications.Earliest(row.InterviewedAt, interviewed.InterviewedAt);
    }
}

/// <summary>What the handlers of an application's facts share: its row, and a stage kept as first reached.</summary>
internal static class ReportApplications
{
    /// <summary>
    /// The application's row, added when this fact is the first delivered (a withdrawal, a decision or an interview
    /// before the submission): the submission fills in the rest.
    /// </summary>
    public static async Task<ReportApplication> RowAsync(FundingDbContext db, Guid applicationId, Guid seasonId, string departmentCode, CancellationToken cancellationToken)
    {
        var row = await db.Applications.FirstOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        if (row is null)
        {
            row = new ReportApplication(applicationId, seasonId, departmentCode);
            db.Applications.Add(row);
        }

        return row;
    }

    public static DateTimeOffset Earliest(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k <= at ? k : at;
}

/// <summary>Keeps each information meeting at its highest attendance revision.</summary>
internal sealed class WhenInformationMeetingAttendanceRecorded(FundingDbContext db, TimeProvider time)
    : InboxHandler<InformationMeetingAttendanceRecorded, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(InformationMeetingAttendanceRecorded recorded, CancellationToken cancellationToken)
    {
        var row = await Db.InformationMeetings.FirstOrDefaultAsync(m => m.MeetingId == recorded.MeetingId, cancellationToken);
        if (row is not null && row.Revision >= recorded.Revision)
        {
            return;
        }

        if (row is null)
        {
            row = new ReportInformationMeeting(recorded.MeetingId, recorded.SeasonId);
            Db.InformationMeetings.Add(row);
        }

        row.StartsAt = recorded.StartsAt;
        row.Registered = recorded.Registered;
        row.Attended = recorded.Attended;
        row.Revision = recorded.Revision;
    }
}

internal sealed class WhenCohortApproved(FundingDbContext db, TimeProvider time) : InboxHandler<CohortApproved, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken)
    {
        var ids = approved.Projects.Select(p => p.ProjectId).ToList();
        var known = await Db.Projects.Where(p => ids.Contains(p.ProjectId)).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        foreach (var project in approved.Projects.Where(p => !known.Contains(p.ProjectId)))
        {
            Db.Projects.Add(new ReportProject(project.ProjectId, approved.SeasonId, project.ProjectName, project.DepartmentCode, approved.OccurredAt));
        }
    }
}

/// <summary>Keeps each session's sheet at its highest revision: corrections replace, stale or repeated deliveries are ignored.</summary>
internal sealed class WhenTrainingAttendanceRecorded(FundingDbContext db, TimeProvider time) : InboxHandler<TrainingAttendanceRecorded, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(TrainingAttendanceRecorded recorded, CancellationToken cancellationToken)
    {
        var sheet = await Db.TrainingSheets.FirstOrDefaultAsync(s => s.SessionId == recorded.SessionId, cancellationToken);
        if (sheet is not null && sheet.Revision >= recorded.Revision)
        {
            return;
        }

        if (sheet is null)
        {
            Db.TrainingSheets.Add(new ReportTrainingSheet(recorded.SessionId, recorded.SeasonId, recorded.StartsAt, recorded.Revision));
        }
        else
        {
            sheet.Revision = recorded.Revision;
            Db.Attendance.RemoveRange(await Db.Attendance.Where(a => a.SessionId == recorded.SessionId).ToListAsync(cancellationToken));
        }

        static string PersonKey(Guid projectId, string? name) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{projectId:N}|{(name ?? string.Empty).Trim().ToLowerInvariant()}")))[..32];

        foreach (var line in recorded.Lines)
        {
            var attended = line.Status is "Present" or "Remote";
            Db.Attendance.Add(new ReportAttendance(recorded.SessionId, recorded.SeasonId, line.ProjectId, PersonKey(line.ProjectId, line.ParticipantName), attended,
                attended ? (int)Math.Round(line.Hours * 60) : 0));
        }
    }
}

internal sealed class WhenCoachingSessionLogged(FundingDbContext db, TimeProvider time) : InboxHandler<CoachingSessionLogged, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(CoachingSessionLogged logged, CancellationToken cancellationToken)
    {
        if (!await Db.CoachingSessions.AnyAsync(s => s.SessionId == logged.SessionId, cancellationToken))
        {
            Db.CoachingSessions.Add(new ReportCoachingSession(logged.SessionId, logged.ProjectId, logged.SeasonId, logged.Date, logged.Minutes));
        }
    }
}

internal sealed class WhenMilestoneReached(FundingDbContext db, TimeProvider time) : InboxHandler<MilestoneReached, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(MilestoneReached reached, CancellationToken cancellationToken)
    {
        if (!await Db.Milestones.AnyAsync(m => m.ProjectId == reached.ProjectId && m.Key == reached.MilestoneKey, cancellationToken))
        {
            Db.Milestones.Add(new ReportMilestone(reached.ProjectId, reached.MilestoneKey, reached.SeasonId, reached.ReachedOn));
        }
    }
}
