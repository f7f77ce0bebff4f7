namespace Incubator.Impact.Contracts;

/// <summary>How many questionnaires of one stage of a season were opened, and how many are answered.</summary>
public sealed record StageCount(Guid SeasonId, string Stage, int Opened, int Answered);

/// <summary>What the consistency check may ask the Impact module (ADR 0020), for the funders' report's copy.</summary>
public interface IQuestionnaireFacts
{
    Task<IReadOnlyList<StageCount>> CountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes again, through the outbox, each questionnaire of the season as it stands (opened, answered at its
    /// latest revision, or unanswered): the report's handlers upsert by the questionnaire's id.
    /// </summary>
    Task<int> RepublishAsync(Guid seasonId, CancellationToken cancellationToken);
}
