namespace Incubator.BuildingBlocks.Consistency;

/// <summary>One difference between what a module holds and the facts it copied from another (ADR 0020).</summary>
/// <param name="Module">The module whose copy differs.</param>
/// <param name="Kind">A stable name of the kind of difference, e.g. <c>trainings.not-enrolled</c>.</param>
/// <param name="Text">The difference in words, for a lead or an administrator (French or English, as the reader's culture).</param>
/// <param name="Repaired">True when the check replayed the fact and the difference is gone.</param>
public sealed record ConsistencyFinding(string Module, string Kind, string Text, bool Repaired);

/// <summary>
/// A module compares what it keeps of other modules' facts (a cohort's projects, a season's count of applications)
/// with those facts, and with its own rules; with <c>repair</c>, it replays the facts it can replay safely (the same
/// code as its event handler, behind the same fence). Found by scanning each module's assembly.
/// </summary>
public interface IConsistencyCheck
{
    Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken);
}
