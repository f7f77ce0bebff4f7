using Incubator.Seasons.Contracts;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features;

/// <summary>Scoped: a season read once is not read again in the same request (a page and its handler both ask).</summary>
internal sealed class SeasonDirectory(SeasonsDbContext db) : ISeasonDirectory
{
    private readonly Dictionary<Guid, SeasonSummary?> _read = [];

    public async Task<SeasonSummary?> FindAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(seasonId, out var season))
        {
            season = await ReadAsync(seasonId, cancellationToken);
            _read[seasonId] = season;
        }

        return season;
    }

    /// <summary>The season's columns only (not its cohort's members): other modules ask on every submission and board page.</summary>
    private async Task<SeasonSummary?> ReadAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsNoTracking()
            .Where(s => s.Id == seasonId)
            .Select(s => new { s.Id, s.ProgramId, s.Name, s.Status, s.StartsOn, s.EndsOn, s.ApplicationsOpenAt, s.ApplicationsCloseAt, s.CapacityOverride, s.CoachingPairCount })
            .FirstOrDefaultAsync(cancellationToken);
        return season is null
            ? null
            : new SeasonSummary(season.Id, season.ProgramId, season.Name, season.Status.ToString(), season.StartsOn, season.EndsOn,
                season.ApplicationsOpenAt, season.ApplicationsCloseAt, Season.CapacityOf(season.CapacityOverride, season.CoachingPairCount));
    }
}
