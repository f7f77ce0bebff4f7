using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Consistency;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

/// <summary>
/// Every project of an approved cohort is a member of its season here, and is enrolled in every session of that season
/// (ADR 0020). The repair replays the cohort's arrival for the season: the same code as the event's handler, behind the
/// same fence.
/// </summary>
internal sealed class TrainingsConsistencyCheck(TrainingsDbContext db, ISeasonDirectory seasons, TimeProvider time) : IConsistencyCheck
{
    private const string Module = TrainingsDbContext.Module;

    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var findings = new List<ConsistencyFinding>();
        foreach (var cohort in await seasons.ApprovedCohortsAsync(cancellationToken))
        {
            var ids = cohort.Projects.Select(p => p.ProjectId).ToList();
            var members = (await db.CohortMembers.AsNoTracking().Where(m => ids.Contains(m.ProjectId)).Select(m => m.ProjectId).ToListAsync(cancellationToken)).ToHashSet();
            var sessions = await db.Sessions.AsNoTracking().AsSplitQuery().Where(s => s.SeasonId == cohort.SeasonId).ToListAsync(cancellationToken);
            var season = new List<ConsistencyFinding>();
            foreach (var project in cohort.Projects.Where(p => !members.Contains(p.ProjectId)))
            {
                season.Add(Finding("trainings.cohort-member-missing",
                    L($"Le projet « {project.ProjectName} » de la promotion approuvée n'est pas connu des formations de sa saison.",
                      $"Project “{project.ProjectName}” of the approved cohort is unknown to its season's trainings."), repair));
            }

            foreach (var session in sessions)
            {
                var enrolled = session.Enrolments.Select(e => e.ProjectId).ToHashSet();
                foreach (var project in cohort.Projects.Where(p => !enrolled.Contains(p.ProjectId)))
                {
                    season.Add(Finding("trainings.not-enrolled",
                        L($"Le projet « {project.ProjectName} » n'est pas inscrit à la session « {session.Title} » du {ParisTime.ToLocal(session.StartsAt):dd/MM/yyyy}.",
                          $"Project “{project.ProjectName}” is not enrolled in the session “{session.Title}” of {ParisTime.ToLocal(session.StartsAt):yyyy-MM-dd}."), repair));
                }
            }

            if (repair && season.Count > 0)
            {
                await CohortArrival.JoinAsync(db, cohort.SeasonId, cohort.Projects, time.GetUtcNow(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            findings.AddRange(season);
        }

        return findings;
    }

    private static ConsistencyFinding Finding(string kind, string text, bool repaired) => new(Module, kind, text, repaired);
}
