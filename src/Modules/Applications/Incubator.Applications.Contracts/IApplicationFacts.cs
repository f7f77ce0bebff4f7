namespace Incubator.Applications.Contracts;

/// <summary>What the consistency check may ask the Applications module (ADR 0020).</summary>
public interface IApplicationFacts
{
    /// <summary>Per season, the applications received: submitted and not withdrawn.</summary>
    Task<IReadOnlyDictionary<Guid, int>> ReceivedBySeasonAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Publishes again, through the outbox, the submission (and withdrawal) of each application of the season ever
    /// submitted, so that a module whose copy lost some catches up: their handlers upsert by the application's id.
    /// </summary>
    Task<int> RepublishAsync(Guid seasonId, CancellationToken cancellationToken);
}
