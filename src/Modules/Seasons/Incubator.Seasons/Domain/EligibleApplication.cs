using Incubator.Applications.Contracts;

namespace Incubator.Seasons.Domain;

/// <summary>
/// What Seasons knows of an application, learnt from the Applications module's events:
/// enough to propose a cohort without reading the other module's tables.
/// </summary>
internal sealed class EligibleApplication
{
    private EligibleApplication()
    {
        ProjectName = string.Empty;
        DepartmentCode = string.Empty;
    }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }

    public Guid ApplicantUserId { get; private set; }

    public ApplicationDecision? Decision { get; private set; }

    public bool Withdrawn { get; private set; }

    /// <summary>When the fact behind the current state happened: an older event replayed late changes nothing.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public bool MayJoinCohort => !Withdrawn && Decision is ApplicationDecision.Shortlisted or ApplicationDecision.Selected;

    public static EligibleApplication From(ApplicationDecided decided) => new()
    {
        ApplicationId = decided.ApplicationId,
        SeasonId = decided.SeasonId,
        ProjectName = decided.ProjectName,
        DepartmentCode = decided.DepartmentCode,
        ApplicantUserId = decided.ApplicantUserId,
        Decision = decided.Decision,
        AsOf = decided.DecidedAt,
    };

    public void Apply(ApplicationDecided decided)
    {
        if (decided.DecidedAt < AsOf)
        {
            return;
        }

        ProjectName = decided.ProjectName;
        DepartmentCode = decided.DepartmentCode;
        Decision = decided.Decision;
        AsOf = decided.DecidedAt;
    }

    public void Withdraw(DateTimeOffset at)
    {
        if (at < AsOf)
        {
            return;
        }

        Withdrawn = true;
        AsOf = at;
    }
}
