using System.Collections.Concurrent;
using Incubator.Seasons.Contracts;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.Seasons.Features;

/// <summary>
/// Seasons as other modules see them, read through <see cref="SeasonCache"/>: every draft and every submission
/// asks for its season, and a rush of submissions read the same row hundreds of times a second.
/// </summary>
internal sealed class SeasonDirectory(SeasonsDbContext db, SeasonCache cache) : ISeasonDirectory
{
    public Task<SeasonSummary?> FindAsync(Guid seasonId, CancellationToken cancellationToken) =>
        cache.GetAsync(seasonId, ReadAsync, cancellationToken);

    /// <summary>Read each time (not kept): a nightly check's question, not a request's.</summary>
    public async Task<IReadOnlyList<ApprovedCohort>> ApprovedCohortsAsync(CancellationToken cancellationToken) =>
        (await db.Seasons.AsNoTracking().Where(s => s.CohortStatus == CohortStatus.Approved).ToListAsync(cancellationToken))
            .Select(s => new ApprovedCohort(s.Id, s.CohortMembers
                .Select(m => new CohortProject(m.ApplicationId, m.ProjectName, m.DepartmentCode, m.ApplicantUserId)).ToList()))
            .ToList();

    public Task<string?> ProgramNameAsync(Guid programId, CancellationToken cancellationToken) =>
        db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => (string?)p.Name).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SeasonSummary>> SeasonsOfProgramAsync(Guid programId, CancellationToken cancellationToken) =>
        (await Summaries(db.Seasons.AsNoTracking().Where(s => s.ProgramId == programId)).ToListAsync(cancellationToken))
            .OfType<SeasonSummary>().OrderBy(s => s.StartsOn).ToList();

    /// <summary>The season's columns only (not its cohort's members).</summary>
    private Task<SeasonSummary?> ReadAsync(Guid seasonId, CancellationToken cancellationToken) =>
        Summaries(db.Seasons.AsNoTracking().Where(s => s.Id == seasonId)).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<SeasonSummary?> Summaries(IQueryable<Season> seasons) =>
        seasons.Select(s => new { s.Id, s.ProgramId, s.Name, s.Status, s.StartsOn, s.EndsOn, s.ApplicationsOpenAt, s.ApplicationsCloseAt, s.CapacityOverride, s.CoachingPairCount })
            .Select(s => (SeasonSummary?)new SeasonSummary(s.Id, s.ProgramId, s.Name, s.Status.ToString(), s.StartsOn, s.EndsOn,
                s.ApplicationsOpenAt, s.ApplicationsCloseAt, Season.CapacityOf(s.CapacityOverride, s.CoachingPairCount)));
}

/// <summary>
/// Season summaries kept for a short while in this process. Every save of the Seasons module's database empties
/// it, both before the save and once it is over, so that this process never serves a season older than its own
/// last save; a read that began before a save does not store what it read. Another process (hosts sharing one SQL
/// Server database) is seen within <see cref="Lifetime"/>. Whether a call is open is still decided on the clock
/// of each request (<see cref="SeasonSummary.AcceptsApplicationsAt"/>), to the second.
/// </summary>
internal sealed class SeasonCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (SeasonSummary? Season, long Until)> _seasons = new();
    private long _generation;

    public async Task<SeasonSummary?> GetAsync(Guid seasonId, Func<Guid, CancellationToken, Task<SeasonSummary?>> read, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_seasons.TryGetValue(seasonId, out var kept) && kept.Until > now)
        {
            return kept.Season;
        }

        var generation = Interlocked.Read(ref _generation);
        var season = await read(seasonId, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _seasons[seasonId] = (season, now + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));
            if (Interlocked.Read(ref _generation) != generation)
            {
                _seasons.TryRemove(seasonId, out _); // a save ended while storing: let the next read go to the database
            }
        }

        return season;
    }

    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _seasons.Clear();
    }
}

/// <summary>Empties <see cref="SeasonCache"/> around every save of the Seasons module's context.</summary>
internal sealed class SeasonCacheInvalidation(SeasonCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is SeasonsDbContext)
        {
            cache.Forget();
        }
    }
}
