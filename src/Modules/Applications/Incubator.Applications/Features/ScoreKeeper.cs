using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>
/// Keeps what the review board sorts and normalises on, in the transaction that scores or recuses: the
/// application's mean score, review count and ledger, recomputed from its reviews, and the reviewer's tally
/// for the season, moved by the difference (atomic in SQL, so two reviews scored at once both count).
/// </summary>
internal static class ScoreKeeper
{
    /// <summary>A recusal shows on the board (the application's ledger); a bare declaration does not.</summary>
    public static async Task SaveWithLedgerAsync(ApplicationsDbContext db, Review review, CancellationToken cancellationToken)
    {
        if (review.State != ReviewState.Recused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await FenceAsync(db, review, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ReviewsChangedAsync(db, review.ApplicationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Before the application's reviews are read to rewrite its mean: two reviewers scoring the same application at once
    /// would each compute the mean without the other's review, and the later UPDATE would win with one review missing
    /// (on PostgreSQL and SQL Server, where the two reviews do not wait for each other). Of two such saves one now
    /// commits, the other runs again on what it committed (ADR 0020; found by the benchmark's seeding on PostgreSQL).
    /// </summary>
    public static Task FenceAsync(ApplicationsDbContext db, Review review, CancellationToken cancellationToken) =>
        db.FenceAsync("application-reviews", review.ApplicationId, cancellationToken);

    public static async Task ReviewScoredAsync(ApplicationsDbContext db, Review review, double? before, CancellationToken cancellationToken)
    {
        var score = review.WeightedScore!.Value;
        var count = before is null ? 1 : 0;
        var sum = score - (before ?? 0);
        var squares = (score * score) - ((before ?? 0) * (before ?? 0));
        var (seasonId, reviewerId) = (review.SeasonId, review.ReviewerUserId);
        Task<int> IncrementAsync() => db.ReviewerTallies.Where(t => t.SeasonId == seasonId && t.ReviewerUserId == reviewerId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Count, t => t.Count + count)
            .SetProperty(t => t.Sum, t => t.Sum + sum)
            .SetProperty(t => t.SumOfSquares, t => t.SumOfSquares + squares), cancellationToken);
        if (await IncrementAsync() == 0)
        {
            // The reviewer's first score of the season. Their other first score at the same moment (another tab, a
            // script) may create the tally first: then this insert is refused by the key, rolled back to the savepoint
            // SaveChanges takes inside the transaction, and the increment goes to the row the other committed.
            var tally = new ReviewerTally(seasonId, reviewerId) { Count = count, Sum = sum, SumOfSquares = squares };
            db.ReviewerTallies.Add(tally);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                db.Entry(tally).State = EntityState.Detached;
                await IncrementAsync();
            }
        }

        await ReviewsChangedAsync(db, review.ApplicationId, cancellationToken);
    }

    /// <summary>
    /// Rewrites the application's stored score, review count and review ledger from its reviews, read once,
    /// in one UPDATE. Called inside the transaction that has just written a review: that write took the
    /// database's write lock (SQLite) or the review row's lock (SQL Server) first, so a review saved at the
    /// same moment by another reviewer is either seen here or rewrites them after this one.
    /// </summary>
    public static async Task ReviewsChangedAsync(ApplicationsDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.State != ReviewState.Declared)
            .OrderBy(r => r.ReviewerUserId)
            .Select(r => new { r.ReviewerUserId, Score = r.State == ReviewState.Scored ? r.WeightedScore : null })
            .ToListAsync(cancellationToken);
        var scores = reviews.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        double? mean = scores.Count == 0 ? null : scores.Average();
        var ledger = ReviewLedger.Format(reviews.Select(r => (r.ReviewerUserId, r.Score)));
        await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Score, mean)
            .SetProperty(a => a.ReviewCount, scores.Count)
            .SetProperty(a => a.ReviewLedger, ledger), cancellationToken);
    }
}
