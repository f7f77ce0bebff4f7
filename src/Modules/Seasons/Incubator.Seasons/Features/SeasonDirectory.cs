using Incubator.Seasons.Contracts;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features;

internal sealed class SeasonDirectory(SeasonsDbContext db) : ISeasonDirectory
{
    /// <summary>The season's columns only (not its cohort's members): other modules ask on every submission and board page.</summary>
    public async Task<SeasonSummary?> FindAsync(Guid seasonId, CancellationToken cancellationToken)
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
