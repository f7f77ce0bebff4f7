namespace Incubator.Impact.Domain;

/// <summary>
/// A project of an approved cohort, as <c>CohortApproved</c> carried it: the questionnaires are opened for it. Its
/// program and the season's end are asked of the Seasons module when a questionnaire falls due, never copied.
/// </summary>
internal sealed class ImpactProject
{
    private ImpactProject()
    {
        ProjectName = DepartmentCode = string.Empty;
    }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }

    public Guid HolderUserId { get; private set; }

    /// <summary>When the cohort was approved: the entry questionnaire opens that day.</summary>
    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset? AnonymisedAt { get; private set; }

    public static ImpactProject Join(Guid projectId, Guid seasonId, string projectName, string departmentCode, Guid holderUserId, DateTimeOffset approvedAt) =>
        new()
        {
            ProjectId = projectId,
            SeasonId = seasonId,
            ProjectName = projectName,
            DepartmentCode = departmentCode,
            HolderUserId = holderUserId,
            JoinedAt = approvedAt,
        };

    /// <summary>The application was anonymised: the project keeps its figures, not its name.</summary>
    public void Anonymise(DateTimeOffset now)
    {
        ProjectName = "—";
        AnonymisedAt ??= now;
    }
}
