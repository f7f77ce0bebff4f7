using Incubator.BuildingBlocks.Consistency;
using Incubator.Impact.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Features;

/// <summary>
/// Every project of an approved cohort is followed here (ADR 0020): one that is missing would never get a questionnaire.
/// The repair replays the cohort's arrival, the handler's own code behind the season's fence.
/// </summary>
internal sealed class ImpactConsistencyCheck(ImpactDbContext db, ISeasonDirectory seasons, TimeProvider time) : IConsistencyCheck
{
    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var findings = new List<ConsistencyFinding>();
        foreach (var cohort in await seasons.ApprovedCohortsAsync(cancellationToken))
        {
            var known = (await db.Projects.AsNoTracking().Where(p => p.SeasonId == cohort.SeasonId).Select(p => p.ProjectId).ToListAsync(cancellationToken)).ToHashSet();
            var missing = cohort.Projects.Where(p => !known.Contains(p.ProjectId)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            if (repair)
            {
                await CohortArrival.JoinAsync(db, cohort.SeasonId, cohort.Projects, time.GetUtcNow(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            findings.AddRange(missing.Select(p => new ConsistencyFinding(ImpactDbContext.Module, "impact.project-missing", L(
                $"Le projet « {p.ProjectName} » de la promotion approuvée n'a pas de suivi d'impact.",
                $"Project “{p.ProjectName}” of the approved cohort has no impact follow-up."), repair)));
        }

        return findings;
    }
}
