using Incubator.BuildingBlocks.Consistency;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Impact.Contracts;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

/// <summary>
/// The report's outcomes, season by season and stage by stage, against the Impact module's questionnaires: how many
/// were opened and how many are answered (ADR 0020). The repair asks Impact to publish the season's questionnaires
/// again; the handlers here upsert by the questionnaire's id, so the figures catch up once the outbox delivers them.
/// </summary>
internal sealed class OutcomesConsistencyCheck(FundingDbContext db, IQuestionnaireFacts questionnaires) : IConsistencyCheck
{
    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var theirs = (await questionnaires.CountsAsync(cancellationToken)).ToDictionary(c => (c.SeasonId, c.Stage), c => (c.Opened, c.Answered));
        var ours = await db.Questionnaires.AsNoTracking()
            .GroupBy(q => new { q.SeasonId, q.Stage })
            .Select(g => new { g.Key.SeasonId, g.Key.Stage, Opened = g.Count(), Answered = g.Count(q => q.Status == ReportQuestionnaire.Answered) })
            .ToDictionaryAsync(x => (x.SeasonId, x.Stage), x => (x.Opened, x.Answered), cancellationToken);
        var differing = theirs.Keys.Union(ours.Keys).Where(k => theirs.GetValueOrDefault(k) != ours.GetValueOrDefault(k)).ToList();
        foreach (var season in repair ? differing.Select(k => k.SeasonId).Distinct() : [])
        {
            await questionnaires.RepublishAsync(season, cancellationToken);
        }

        return differing.Select(k =>
        {
            var (expected, counted) = (theirs.GetValueOrDefault(k), ours.GetValueOrDefault(k));
            return new ConsistencyFinding(FundingDbContext.Module, "funding.questionnaires", L(
                $"Le bilan aux financeurs compte {counted.Answered} réponses sur {counted.Opened} questionnaires « {k.Stage} » pour la saison {k.SeasonId} ; le module d'impact en compte {expected.Answered} sur {expected.Opened}."
                    + (repair ? " Les questionnaires de la saison sont republiés." : string.Empty),
                $"The funder report counts {counted.Answered} answers of {counted.Opened} “{k.Stage}” questionnaires for season {k.SeasonId}; the impact module counts {expected.Answered} of {expected.Opened}."
                    + (repair ? " The season's questionnaires are published again." : string.Empty)), repair);
        }).ToList();
    }
}
