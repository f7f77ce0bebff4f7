using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record JoinProject(string Token) : IRequest<JoinedProjectDto>;

/// <summary>
/// The person signed in joins the project of the invitation whose link they opened: the link is the secret (16 random
/// bytes), sent to the address the holder typed, and the account must have that address (a forwarded link does not
/// make someone else a member). Opening it again changes nothing.
/// </summary>
internal sealed class JoinProjectHandler(ApplicationsDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider time) : IRequestHandler<JoinProject, JoinedProjectDto>
{
    public async Task<JoinedProjectDto> Handle(JoinProject request, CancellationToken cancellationToken)
    {
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.Token == request.Token, cancellationToken)
            ?? throw new NotFoundException(L("Cette invitation n'existe pas ou n'est plus valable.", "This invitation does not exist or is no longer valid."));
        var me = await users.FindAsync(user.RequiredId(), cancellationToken);
        if (!string.Equals(me?.Email, member.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException(L(
                $"Cette invitation est adressée à {member.Email} : connectez-vous avec le compte de cette adresse.",
                $"This invitation is for {member.Email}: sign in with the account of that address."));
        }

        var project = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == member.ApplicationId, cancellationToken);
        member.Join(user.RequiredId(), project.ApplicantUserId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new JoinedProjectDto(project.Id, project.ProjectName);
    }
}
