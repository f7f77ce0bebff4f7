using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Seasons;

public sealed record SeasonDto(
    Guid Id,
    Guid ProgramId,
    string ProgramName,
    string Name,
    string Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset ApplicationsOpenAt,
    DateTimeOffset ApplicationsCloseAt,
    int? Capacity,
    int? CapacitySet,
    int CoachingPairs,
    string CohortStatus,
    Guid Version)
{
    internal static async Task<SeasonDto> LoadAsync(SeasonsDbContext db, Season season, CancellationToken cancellationToken)
    {
        var programName = await db.Programs.Where(p => p.Id == season.ProgramId).Select(p => p.Name).FirstAsync(cancellationToken);
        return From(season, programName);
    }

    internal static SeasonDto From(Season s, string programName) => new(
        s.Id, s.ProgramId, programName, s.Name, s.Status.ToString(), s.StartsOn, s.EndsOn,
        s.ApplicationsOpenAt, s.ApplicationsCloseAt, s.Capacity, s.CapacityOverride, s.CoachingPairCount, s.CohortStatus.ToString(), s.Version);
}

/// <summary>The body of a season's creation or edition, as the API and the pages send it.</summary>
public sealed record SeasonInput(
    Guid? ProgramId,
    string? Name,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    DateTimeOffset? ApplicationsOpenAt,
    DateTimeOffset? ApplicationsCloseAt,
    int? Capacity);
