using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Consistency;
using Incubator.Funding.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

/// <summary>
/// The funder report's count of applications received, season by season, against the Applications module's own
/// (ADR 0020). The repair asks that module to publish the season's submissions again: this module's handlers upsert
/// by the application's id, so the figures catch up once the outbox has delivered them.
/// </summary>
internal sealed class FundingConsistencyCheck(FundingDbContext db, IApplicationFacts applications) : IConsistencyCheck
{
    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var theirs = await applications.ReceivedBySeasonAsync(cancellationToken);
        var ours = await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null && a.WithdrawnAt == null)
            .GroupBy(a => a.SeasonId)
            .Select(g => new { Season = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Season, x => x.Count, cancellationToken);
        var findings = new List<ConsistencyFinding>();
        foreach (var season in theirs.Keys.Union(ours.Keys))
        {
            var expected = theirs.GetValueOrDefault(season);
            var counted = ours.GetValueOrDefault(season);
            if (expected == counted)
            {
                continue;
            }

            if (repair)
            {
                await applications.RepublishAsync(season, cancellationToken);
            }

            findings.Add(new(FundingDbContext.Module, "funding.applications-received", L(
                $"Le bilan aux financeurs compte {counted} candidatures reçues pour la saison {season} ; le module des candidatures en compte {expected}."
                    + (repair ? " Les dépôts de la saison sont republiés." : string.Empty),
                $"The funder report counts {counted} applications received for season {season}; the applications module counts {expected}."
                    + (repair ? " The season's submissions are published again." : string.Empty)), repair));
        }

        return findings;
    }
}
