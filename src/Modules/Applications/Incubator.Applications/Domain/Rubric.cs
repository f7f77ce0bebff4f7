using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Domain;

internal sealed record Criterion(string Key, string Label, double Weight);

/// <summary>
/// A season's selection settings: the weighted criteria reviewers score from 1 to 5, the
/// committee's members, and whether reviewers see the applicants' names ("grille d'évaluation").
/// </summary>
internal sealed class Rubric : AggregateRoot
{
    public const int MaxCriteria = 12;

    private Rubric()
    {
    }

    public Guid SeasonId { get; private set; }

    public List<Criterion> Criteria { get; private set; } = [];

    public List<Guid> ReviewerUserIds { get; private set; } = [];

    public bool BlindReview { get; private set; }

    public static IReadOnlyList<Criterion> DefaultCriteria(bool english) =>
    [
        new("socialNeed", english ? "Social or environmental need" : "Besoin social ou environnemental", 1),
        new("territorialAnchoring", english ? "Territorial anchoring" : "Ancrage territorial", 1),
        new("collectiveDimension", english ? "Collective dimension" : "Dimension collective", 1),
        new("economicModel", english ? "Economic model" : "Modèle économique", 1),
        new("team", english ? "Team" : "Équipe", 1),
    ];

    public static Rubric Default(Guid seasonId) => new()
    {
        SeasonId = seasonId,
        Criteria = DefaultCriteria(Texts.IsEnglish).ToList(),
    };

    /// <summary>Criteria and weights may change until the first review of the season is scored.</summary>
    public void SetCriteria(IReadOnlyList<Criterion> criteria, bool anyReviewScored)
    {
        var unchanged = criteria.Count == Criteria.Count && criteria.Zip(Criteria).All(p => p.First.Key == p.Second.Key && p.First.Weight.Equals(p.Second.Weight));
        if (anyReviewScored && !unchanged)
        {
            throw new ConflictException(L(
                "Des évaluations sont déjà notées : les critères et leurs poids ne peuvent plus changer.",
                "Reviews have already been scored: criteria and weights can no longer change."));
        }

        if (criteria.Count is 0 or > MaxCriteria)
        {
            throw new DomainException(L($"De 1 à {MaxCriteria} critères.", $"From 1 to {MaxCriteria} criteria."), "criteria");
        }

        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (string.IsNullOrWhiteSpace(c.Key) || c.Key.Length > 50 || !c.Key.All(ch => char.IsAsciiLetterOrDigit(ch)))
            {
                throw new DomainException(L("Clé attendue : lettres et chiffres, 50 au plus.", "Expected key: letters and digits, 50 at most."), $"criteria[{i}].key");
            }

            if (string.IsNullOrWhiteSpace(c.Label) || c.Label.Length > 200)
            {
                throw new DomainException(L("Libellé obligatoire, 200 caractères au plus.", "Label required, 200 characters at most."), $"criteria[{i}].label");
            }

            if (!double.IsFinite(c.Weight) || c.Weight <= 0 || c.Weight > 100)
            {
                throw new DomainException(L("Le poids est un nombre strictement positif, 100 au plus.", "The weight is a positive number, 100 at most."), $"criteria[{i}].weight");
            }
        }

        if (criteria.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
        {
            throw new DomainException(L("Deux critères ont la même clé.", "Two criteria have the same key."), "criteria");
        }

        Criteria = criteria.Select(c => c with { Label = c.Label.Trim() }).ToList();
    }

    public void SetCommittee(IEnumerable<Guid> reviewerUserIds, bool blindReview)
    {
        ReviewerUserIds = reviewerUserIds.Distinct().ToList();
        BlindReview = blindReview;
    }

    public bool IsReviewer(Guid userId) => ReviewerUserIds.Contains(userId);

    /// <summary>The weighted mean of one reviewer's scores; every criterion must be scored from 1 to 5.</summary>
    public double WeightedScore(IReadOnlyDictionary<string, int> scores)
    {
        foreach (var criterion in Criteria)
        {
            if (!scores.TryGetValue(criterion.Key, out var score))
            {
                throw new DomainException(L("Notez ce critère de 1 à 5.", "Score this criterion from 1 to 5."), $"scores.{criterion.Key}");
            }

            if (score is < 1 or > 5)
            {
                throw new DomainException(L("La note va de 1 à 5.", "The score ranges from 1 to 5."), $"scores.{criterion.Key}");
            }
        }

        if (scores.Keys.FirstOrDefault(k => Criteria.All(c => c.Key != k)) is { } unknown)
        {
            throw new DomainException(L("Ce critère n'est pas dans la grille.", "This criterion is not in the rubric."), $"scores.{unknown}");
        }

        return Criteria.Sum(c => c.Weight * scores[c.Key]) / Criteria.Sum(c => c.Weight);
    }
}
