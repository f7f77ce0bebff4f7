using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features;

internal static class SeasonLookup
{
    /// <summary>The season by its id, tracked when it is to be changed, or "not found" (404).</summary>
    public static async Task<Season> SeasonAsync(this SeasonsDbContext db, Guid seasonId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Seasons : db.Seasons.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == seasonId, cancellationToken)
            ?? throw new NotFoundException(Texts.L("Saison introuvable.", "Season not found."));
    }
}
