using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

public sealed record InvitationDto(Guid ProjectId, string? ProjectName, string Name, string Email, bool Used);

internal sealed record PeekInvitation(string Token) : IRequest<InvitationDto>;

/// <summary>What the invitation's link shows before one signs in: the project and whom it invites (the link is the secret).</summary>
internal sealed class PeekInvitationHandler(ApplicationsDbContext db) : IRequestHandler<PeekInvitation, InvitationDto>
{
    public async Task<InvitationDto> Handle(PeekInvitation request, CancellationToken cancellationToken) =>
        await db.ProjectMembers.AsNoTracking().Where(m => m.Token == request.Token)
            .Join(db.Applications.AsNoTracking(), m => m.ApplicationId, a => a.Id, (m, a) => new InvitationDto(a.Id, a.ProjectName, m.Name, m.Email, m.UserId != null))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(L("Cette invitation n'existe pas ou n'est plus valable.", "This invitation does not exist or is no longer valid."));
}
