using Incubator.Applications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed record RemoveProjectMember(Guid ProjectId, Guid MemberId) : IRequest<ProjectTeamDto>;

/// <summary>The holder removes a member, invited or joined: from then on they see nothing of the project and get no reminder.</summary>
internal sealed class RemoveProjectMemberHandler(ApplicationsDbContext db, TeamAccess access) : IRequestHandler<RemoveProjectMember, ProjectTeamDto>
{
    public async Task<ProjectTeamDto> Handle(RemoveProjectMember request, CancellationToken cancellationToken)
    {
        var project = await access.HeldAsync(request.ProjectId, cancellationToken);
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.Id == request.MemberId && m.ApplicationId == project.Id, cancellationToken)
            ?? throw TeamAccess.NotFound();
        db.ProjectMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(project.Id, cancellationToken);
    }
}
