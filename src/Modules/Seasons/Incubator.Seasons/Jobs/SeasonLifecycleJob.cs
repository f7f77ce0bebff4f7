using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Jobs;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Jobs;

/// <summary>
/// Closes calls whose closing time has come, starts seasons on their start date and ends them
/// after their end date. Idempotent: a season already moved on is left as it is.
/// </summary>
internal sealed class SeasonLifecycleJob(SeasonsDbContext db, TimeProvider time) : IScheduledJob
{
    public string Id => "seasons:lifecycle";

    public string Cron => "*/30 * * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ParisTime.Today(time);
        var due = await db.Seasons
            .Where(s => (s.Status == SeasonStatus.ApplicationsOpen && s.ApplicationsCloseAt <= now)
                || (s.Status == SeasonStatus.Selection && s.StartsOn <= today)
                || (s.Status == SeasonStatus.Running && s.EndsOn < today))
            .ToListAsync(cancellationToken);
        foreach (var season in due)
        {
            season.AdvanceTo(now, today);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
