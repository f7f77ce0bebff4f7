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
