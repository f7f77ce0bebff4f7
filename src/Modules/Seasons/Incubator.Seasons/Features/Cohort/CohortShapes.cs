using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

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

internal static class CohortSeasons
{
    /// <summary>The season whose cohort is read or changed; tracked when it is changed.</summary>
    public static async Task<Season> LoadAsync(this SeasonsDbContext db, Guid seasonId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Seasons : db.Seasons.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == seasonId, cancellationToken)
            ?? throw new NotFoundException(Texts.L("Saison introuvable.", "Season not found."));
    }
}
