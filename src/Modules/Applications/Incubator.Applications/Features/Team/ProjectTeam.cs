using Incubator.Applications.Contracts;
using Incubator.Applications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed class ProjectTeam(ApplicationsDbContext db) : IProjectTeam
{
    public async Task<IReadOnlyList<Guid>> ProjectsJoinedByAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.ProjectMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.ApplicationId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProjectTeamMember>> MembersOfAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken) =>
        projectIds.Count == 0 ? [] : await db.ProjectMembers.AsNoTracking()
            .Where(m => projectIds.Contains(m.ApplicationId) && m.UserId != null)
            .Select(m => new ProjectTeamMember(m.ApplicationId, m.UserId!.Value, m.Name))
            .ToListAsync(cancellationToken);
}
