using Incubator.BuildingBlocks.Consistency;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

/// <summary>
/// Every project of an approved cohort is followed here, and has a pair while the season's pairs have room; no coach is in
/// two pairs of a season; no pair follows more than six projects (ADR 0020). The repair replays the cohort's arrival (the
/// handler's code, behind the season's fence), which also places the projects waiting for a pair. A coach in two pairs
/// or a pair over six needs a lead's choice: reported only.
/// </summary>
internal sealed class CoachingConsistencyCheck(CoachingDbContext db, ISeasonDirectory seasons, TimeProvider time) : IConsistencyCheck
{
    private const string Module = CoachingDbContext.Module;

    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var findings = new List<ConsistencyFinding>();
        foreach (var cohort in await seasons.ApprovedCohortsAsync(cancellationToken))
        {
            var pairs = await db.Pairs.AsNoTracking().Where(p => p.SeasonId == cohort.SeasonId).ToListAsync(cancellationToken);
            var projects = await db.Projects.AsNoTracking().Where(p => p.SeasonId == cohort.SeasonId)
                .Select(p => new { p.ProjectId, p.ProjectName, p.PairId }).ToListAsync(cancellationToken);
            var known = projects.Select(p => p.ProjectId).ToHashSet();
            var repairable = new List<ConsistencyFinding>();
            foreach (var project in cohort.Projects.Where(p => !known.Contains(p.ProjectId)))
            {
                repairable.Add(new(Module, "coaching.project-missing", L(
                    $"Le projet « {project.ProjectName} » de la promotion approuvée n'est pas suivi en accompagnement individuel.",
                    $"Project “{project.ProjectName}” of the approved cohort is not followed in individual coaching."), repair));
            }

            var places = pairs.Sum(p => Assignment.ProjectsPerPair - Math.Min(Assignment.ProjectsPerPair, projects.Count(x => x.PairId == p.Id)));
            foreach (var project in projects.Where(p => p.PairId is null).Take(places))
            {
                repairable.Add(new(Module, "coaching.without-pair", L(
                    $"Le projet « {project.ProjectName} » n'a pas de binôme alors que les binômes de la saison ont de la place.",
                    $"Project “{project.ProjectName}” has no pair while the season's pairs have room."), repair));
            }

            foreach (var coach in pairs.SelectMany(p => new[] { p.CoachAUserId, p.CoachBUserId }).GroupBy(c => c).Where(g => g.Count() > 1))
            {
                findings.Add(new(Module, "coaching.coach-in-two-pairs", L(
                    $"L'accompagnateur {coach.Key} est dans {coach.Count()} binômes de la même saison.",
                    $"Coach {coach.Key} is in {coach.Count()} pairs of the same season."), false));
            }

            foreach (var pair in pairs.Where(p => projects.Count(x => x.PairId == p.Id) > Assignment.ProjectsPerPair))
            {
                findings.Add(new(Module, "coaching.pair-over-six", L(
                    $"Le binôme {pair.Id} suit {projects.Count(x => x.PairId == pair.Id)} projets (six au plus).",
                    $"Pair {pair.Id} follows {projects.Count(x => x.PairId == pair.Id)} projects (six at most)."), false));
            }

            if (repair && repairable.Count > 0)
            {
                await CohortArrival.JoinAsync(db, cohort.SeasonId, cohort.Projects, time.GetUtcNow(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            findings.AddRange(repairable);
        }

        return findings;
    }
}
