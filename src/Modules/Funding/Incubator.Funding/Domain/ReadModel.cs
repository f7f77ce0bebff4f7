namespace Incubator.Funding.Domain;

// The funders' report is computed from what the other modules published, kept here in the module's own tables.
// Each row is keyed by the fact it records, so a replayed or duplicated event changes nothing.

/// <summary>An application of a season, from ApplicationSubmitted and ApplicationWithdrawn (in either order).</summary>
internal sealed class ReportApplication
{
    private ReportApplication()
    {
        DepartmentCode = string.Empty;
    }

    public ReportApplication(Guid applicationId, Guid seasonId, string departmentCode)
    {
        ApplicationId = applicationId;
        SeasonId = seasonId;
        DepartmentCode = departmentCode;
    }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string DepartmentCode { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When it first passed the first screening: shortlisted, or waitlisted or selected straight away.</summary>
    public DateTimeOffset? ShortlistedAt { get; set; }

    public DateTimeOffset? InterviewedAt { get; set; }

    public DateTimeOffset? SelectedAt { get; set; }
}

/// <summary>An information meeting whose attendance was recorded, at its latest revision.</summary>
internal sealed class ReportInformationMeeting
{
    private ReportInformationMeeting()
    {
    }

    public ReportInformationMeeting(Guid meetingId, Guid seasonId)
    {
        MeetingId = meetingId;
        SeasonId = seasonId;
    }

    public Guid MeetingId { get; private set; }

    public Guid SeasonId { get; private set; }

    public DateTimeOffset StartsAt { get; set; }

    public int Registered { get; set; }

    public int Attended { get; set; }

    public int Revision { get; set; }
}

/// <summary>A project of an approved cohort.</summary>
internal sealed class ReportProject
{
    private ReportProject()
    {
        ProjectName = string.Empty;
        DepartmentCode = string.Empty;
    }

    public ReportProject(Guid projectId, Guid seasonId, string projectName, string departmentCode, DateTimeOffset approvedAt)
    {
        ProjectId = projectId;
        SeasonId = seasonId;
        ProjectName = projectName;
        DepartmentCode = departmentCode;
        ApprovedAt = approvedAt;
    }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }
}

/// <summary>A training session's attendance sheet at its latest revision.</summary>
internal sealed class ReportTrainingSheet
{
    private ReportTrainingSheet()
    {
    }

    public ReportTrainingSheet(Guid sessionId, Guid seasonId, DateTimeOffset startsAt, int revision)
    {
        SessionId = sessionId;
        SeasonId = seasonId;
        StartsAt = startsAt;
        Revision = revision;
    }

    public Guid SessionId { get; private set; }

    public Guid SeasonId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public int Revision { get; set; }
}

/// <summary>One participant's line of a sheet; minutes rather than decimal hours so that SQLite can add them up.</summary>
internal sealed class ReportAttendance
{
    private ReportAttendance()
    {
    }

    public ReportAttendance(Guid sessionId, Guid seasonId, Guid projectId, string personKey, bool attended, int minutes)
    {
        Id = Guid.NewGuid();
        PersonKey = personKey;
        SessionId = sessionId;
        SeasonId = seasonId;
        ProjectId = projectId;
        Attended = attended;
        Minutes = minutes;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>
    /// Who the line is about, as a key and never a name (the report counts people, it does not list them): the same
    /// person of the same project on two sheets gives the same key.
    /// </summary>
    public string PersonKey { get; private set; } = string.Empty;

    public bool Attended { get; private set; }

    public int Minutes { get; private set; }
}

internal sealed class ReportCoachingSession
{
    private ReportCoachingSession()
    {
    }

    public ReportCoachingSession(Guid sessionId, Guid projectId, Guid seasonId, DateOnly date, int minutes)
    {
        SessionId = sessionId;
        ProjectId = projectId;
        SeasonId = seasonId;
        Date = date;
        Minutes = minutes;
    }

    public Guid SessionId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Minutes { get; private set; }
}

internal sealed class ReportMilestone
{
    private ReportMilestone()
    {
        Key = string.Empty;
    }

    public ReportMilestone(Guid projectId, string key, Guid seasonId, DateOnly reachedOn)
    {
        ProjectId = projectId;
        Key = key;
        SeasonId = seasonId;
        ReachedOn = reachedOn;
    }

    public Guid ProjectId { get; private set; }

    public string Key { get; private set; }

    public Guid SeasonId { get; private set; }

    public DateOnly ReachedOn { get; private set; }
}

/// <summary>A report as a lead approved and sent it: frozen, while the live figures go on.</summary>
internal sealed class ReportSnapshot
{
    private ReportSnapshot()
    {
        Label = string.Empty;
        Json = string.Empty;
    }

    public ReportSnapshot(Guid seasonId, Guid? funderId, string label, string json, Guid approvedBy, DateTimeOffset approvedAt)
    {
        Id = Guid.NewGuid();
        SeasonId = seasonId;
        FunderId = funderId;
        Label = label;
        Json = json;
        ApprovedBy = approvedBy;
        ApprovedAt = approvedAt;
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid? FunderId { get; private set; }

    public string Label { get; private set; }

    public string Json { get; private set; }

    public Guid ApprovedBy { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }
}
