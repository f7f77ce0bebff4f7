using Incubator.Coaching.Contracts;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Features;

internal sealed class ProjectCoaches(CoachingDbContext db) : IProjectCoaches
{
    public Task<bool> CoachesAsync(Guid userId, Guid projectId, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking()
            .Where(p => p.ProjectId == projectId && p.PairId != null)
            .Join(db.Pairs.AsNoTracking(), p => p.PairId, pair => pair.Id, (p, pair) => pair)
            .AnyAsync(pair => pair.CoachAUserId == userId || pair.CoachBUserId == userId, cancellationToken);
}
