using Incubator.BuildingBlocks.Application;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Domain;

internal enum ReviewState
{
    /// <summary>No conflict declared: the reviewer may read and score.</summary>
    Declared,

    /// <summary>A conflict of interest: the reviewer steps aside for good.</summary>
    Recused,

    Scored,
}

/// <summary>One reviewer's work on one application: the conflict declaration first, then the scores.</summary>
internal sealed class Review
{
    private Review()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid ReviewerUserId { get; private set; }

    public ReviewState State { get; private set; }

    public Dictionary<string, int> Scores { get; private set; } = [];

    public string? Comment { get; private set; }

    /// <summary>A reviewer's comment may name the project's people: it goes with the application's content.</summary>
    public void ForgetComment() => Comment = null;

    /// <summary>The weighted mean of this review's scores, with the rubric's weights (frozen once a review is scored).</summary>
    public double? WeightedScore { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? ScoredAt { get; private set; }

    public static Review Declare(Guid applicationId, Guid seasonId, Guid reviewerUserId, bool conflictOfInterest, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        SeasonId = seasonId,
        ReviewerUserId = reviewerUserId,
        State = conflictOfInterest ? ReviewState.Recused : ReviewState.Declared,
        DeclaredAt = now,
    };

    public void Score(Rubric rubric, IReadOnlyDictionary<string, int> scores, string? comment, DateTimeOffset now)
    {
        if (State == ReviewState.Recused)
        {
            throw new ConflictException(L(
                "Vous avez déclaré un conflit d'intérêts : vous ne pouvez pas noter cette candidature.",
                "You declared a conflict of interest: you cannot score this application."));
        }

        var trimmed = comment?.Trim();
        if (trimmed is { Length: > 4000 })
        {
            throw new DomainException(L("4000 caractères au plus.", "At most 4000 characters."), "comment");
        }

        WeightedScore = rubric.WeightedScore(scores);
        Scores = new Dictionary<string, int>(scores);
        Comment = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        State = ReviewState.Scored;
        ScoredAt = now;
    }
}

/// <summary>
/// One reviewer's scored reviews in one season, summed: what the normalised score needs (each reviewer's
/// mean and spread) without reading the whole season's reviews on every board request.
/// </summary>
internal sealed class ReviewerTally
{
    private ReviewerTally()
    {
    }

    public ReviewerTally(Guid seasonId, Guid reviewerUserId)
    {
        SeasonId = seasonId;
        ReviewerUserId = reviewerUserId;
    }

    public Guid SeasonId { get; private set; }

    public Guid ReviewerUserId { get; private set; }

    public int Count { get; set; }

    public double Sum { get; set; }

    public double SumOfSquares { get; set; }

    /// <summary>A score's distance to this reviewer's mean, in their standard deviations; 0 when they have not spread their scores.</summary>
    public static double ZScore(double score, int count, double sum, double sumOfSquares)
    {
        if (count < 2)
        {
            return 0;
        }

        var mean = sum / count;
        var deviation = Math.Sqrt(Math.Max(0, (sumOfSquares / count) - (mean * mean)));
        return deviation < 1e-9 ? 0 : (score - mean) / deviation;
    }
}

/// <summary>
/// An application's reviews in one short text, kept on the application: per reviewer who scored or recused,
/// <c>reviewer=score</c> or <c>reviewer</c>, separated by <c>;</c>. The board needs no more to say which
/// applications the reader reviewed and to normalise scores.
/// </summary>
internal static class ReviewLedger
{
    public static string? Format(IEnumerable<(Guid Reviewer, double? Score)> entries)
    {
        var text = string.Join(';', entries.Select(e => e.Score is { } score
            ? $"{e.Reviewer:D}={score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
            : e.Reviewer.ToString("D")));
        return text.Length == 0 ? null : text;
    }

    /// <summary>Reads a ledger written by <see cref="Format"/> or by the migrations' SQL (upper-case identifiers, SQL Server's float notation).</summary>
    public static List<(Guid Reviewer, double? Score)> Parse(string? ledger)
    {
        var entries = new List<(Guid, double?)>(4);
        if (string.IsNullOrEmpty(ledger))
        {
            return entries;
        }

        foreach (var range in ledger.AsSpan().Split(';'))
        {
            var entry = ledger.AsSpan(range);
            var equals = entry.IndexOf('=');
            entries.Add(equals < 0
                ? (Guid.Parse(entry), null)
                : (Guid.Parse(entry[..equals]), double.Parse(entry[(equals + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return entries;
    }
}
