using Incubator.Seasons.Contracts;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features;

internal sealed class SeasonDirectory(SeasonsDbContext db) : ISeasonDirectory
{
    public async Task<SeasonSummary?> FindAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var season = await db.Seasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seasonId, cancellationToken);
        return season is null
            ? null
            : new SeasonSummary(season.Id, season.ProgramId, season.Name, season.Status.ToString(), season.StartsOn, season.EndsOn,
                season.ApplicationsOpenAt, season.ApplicationsCloseAt, season.Capacity);
    }
}
