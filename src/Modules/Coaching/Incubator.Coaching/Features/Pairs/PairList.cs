using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

/// <summary>A season's pairs with their coaches' names and their projects.</summary>
internal static class PairList
{
    public static async Task<IReadOnlyList<PairDto>> ReadAsync(CoachingDbContext db, IUserDirectory users, Guid seasonId, CancellationToken cancellationToken)
    {
        var pairs = await db.Pairs.AsNoTracking().Where(p => p.SeasonId == seasonId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.SeasonId == seasonId && p.PairId != null)
            .Select(p => new { p.ProjectId, p.ProjectName, p.PairId, p.LeadCoachUserId }).ToListAsync(cancellationToken);
        var contacts = await users.FindManyAsync(pairs.SelectMany(p => new[] { p.CoachAUserId, p.CoachBUserId }).Distinct().ToList(), cancellationToken);
        var result = new List<PairDto>();
        foreach (var pair in pairs)
        {
            var coaches = new[] { pair.CoachAUserId, pair.CoachBUserId }
                .Select(id => new CoachDto(id, contacts.GetValueOrDefault(id)?.DisplayName ?? L("(compte supprimé)", "(deleted account)")))
                .ToList();
            result.Add(new PairDto(pair.Id, seasonId, coaches, projects.Where(p => p.PairId == pair.Id)
                .OrderBy(p => p.ProjectName).Select(p => new PairProjectDto(p.ProjectId, p.ProjectName, p.LeadCoachUserId)).ToList()));
        }

        return result;
    }
}
