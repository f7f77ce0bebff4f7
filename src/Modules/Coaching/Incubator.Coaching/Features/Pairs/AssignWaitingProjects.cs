using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Features;

/// <summary>Places the season's projects that have no pair yet, as <see cref="Assignment"/> decides.</summary>
internal static class AssignWaitingProjects
{
    public static async Task RunAsync(CoachingDbContext db, Guid seasonId, IReadOnlyList<CoachingPair> pairs, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.Where(p => p.SeasonId == seasonId).ToListAsync(cancellationToken);
        projects.AddRange(db.Projects.Local.Where(p => p.SeasonId == seasonId && !projects.Contains(p)));
        var loads = pairs.Select(pair => new Assignment.PairLoad(pair.Id, pair.CoachAUserId, pair.CoachBUserId,
            projects.Count(p => p.PairId == pair.Id && p.LeadCoachUserId == pair.CoachAUserId),
            projects.Count(p => p.PairId == pair.Id && p.LeadCoachUserId == pair.CoachBUserId)));
        var waiting = projects.Where(p => p.PairId is null).ToDictionary(p => p.ProjectId);
        foreach (var placement in Assignment.Spread(waiting.Keys, loads))
        {
            waiting[placement.ProjectId].AssignTo(placement.PairId, placement.LeadCoachUserId);
        }
    }
}
