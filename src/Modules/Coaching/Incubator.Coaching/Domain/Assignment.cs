namespace Incubator.Coaching.Domain;

/// <summary>
/// Spreads a cohort's projects over the season's coaching pairs: at most six per pair, three led by
/// each coach, filling the least loaded pair first. Deterministic, so the same input gives the same result.
/// </summary>
internal static class Assignment
{
    public const int ProjectsPerPair = 6;
    public const int ProjectsPerCoach = 3;

    public sealed record PairLoad(Guid PairId, Guid CoachA, Guid CoachB, int LedByA, int LedByB)
    {
        public int Total => LedByA + LedByB;
    }

    public sealed record Placement(Guid ProjectId, Guid PairId, Guid LeadCoachUserId);

    /// <returns>The placements; projects beyond the pairs' capacity are left out (they wait for a pair).</returns>
    public static IReadOnlyList<Placement> Spread(IEnumerable<Guid> projectIds, IEnumerable<PairLoad> pairs)
    {
        var loads = pairs.OrderBy(p => p.PairId).ToList();
        var placements = new List<Placement>();
        foreach (var projectId in projectIds.OrderBy(id => id))
        {
            var index = loads
                .Select((load, i) => (load, i))
                .Where(x => x.load.Total < ProjectsPerPair)
                .OrderBy(x => x.load.Total)
                .ThenBy(x => x.load.PairId)
                .Select(x => (int?)x.i)
                .FirstOrDefault();
            if (index is not { } i)
            {
                break;
            }

            var pair = loads[i];
            var toA = pair.LedByA <= pair.LedByB && pair.LedByA < ProjectsPerCoach;
            loads[i] = toA ? pair with { LedByA = pair.LedByA + 1 } : pair with { LedByB = pair.LedByB + 1 };
            placements.Add(new Placement(projectId, pair.PairId, toA ? pair.CoachA : pair.CoachB));
        }

        return placements;
    }
}
