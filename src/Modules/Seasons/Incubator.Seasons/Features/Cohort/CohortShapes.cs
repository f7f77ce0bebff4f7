using Incubator.Seasons.Domain;

namespace Incubator.Seasons.Features.Cohort;

public sealed record CohortMemberDto(Guid ApplicationId, string ProjectName, string DepartmentCode);

public sealed record CohortDto(
    Guid SeasonId,
    string Status,
    int? Capacity,
    IReadOnlyList<CohortMemberDto> Members,
    DateTimeOffset? ProposedAt,
    DateTimeOffset? ApprovedAt,
    Guid? ApprovedBy,
    Guid Version)
{
    internal static CohortDto From(Season s) => new(
        s.Id,
        s.CohortStatus.ToString(),
        s.Capacity,
        s.CohortMembers.Select(m => new CohortMemberDto(m.ApplicationId, m.ProjectName, m.DepartmentCode)).ToList(),
        s.CohortProposedAt,
        s.CohortApprovedAt,
        s.CohortApprovedBy,
        s.Version);
}

/// <summary>An application that may join the cohort, for the composition page.</summary>
public sealed record CohortCandidateDto(Guid ApplicationId, string ProjectName, string DepartmentCode, string Decision, bool InProposal);

public sealed record CohortProposal(IReadOnlyList<Guid>? ApplicationIds);
