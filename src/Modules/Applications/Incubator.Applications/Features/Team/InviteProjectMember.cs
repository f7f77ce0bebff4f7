using FluentValidation;
using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record InviteProjectMember(Guid ProjectId, MemberInput Input) : IRequest<ProjectTeamDto>;

internal sealed class InviteProjectMemberValidator : AbstractValidator<InviteProjectMember>
{
    public InviteProjectMemberValidator()
    {
        RuleFor(r => r.Input.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(r => r.Input.Email).NotEmpty().MaximumLength(256)
            .Must(e => System.Net.Mail.MailAddress.TryCreate(e?.Trim(), out _))
            .WithMessage(_ => L("Une adresse e-mail valide est requise.", "A valid e-mail address is required.")).OverridePropertyName("email");
    }
}

/// <summary>
/// The holder of a project of an approved cohort invites a team member by e-mail; inviting the same address again sends a
/// new link. The mail goes through the outbox with the invitation (exactly once).
/// </summary>
internal sealed class InviteProjectMemberHandler(ApplicationsDbContext db, TeamAccess access, IUserDirectory users, TimeProvider time)
    : IRequestHandler<InviteProjectMember, ProjectTeamDto>
{
    public async Task<ProjectTeamDto> Handle(InviteProjectMember request, CancellationToken cancellationToken)
    {
        var project = await access.HeldAsync(request.ProjectId, cancellationToken);
        var now = time.GetUtcNow();
        var email = request.Input.Email?.Trim().ToLowerInvariant();
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ApplicationId == project.Id && m.Email == email, cancellationToken);
        if (member is null)
        {
            if (await db.ProjectMembers.CountAsync(m => m.ApplicationId == project.Id, cancellationToken) >= ProjectMember.MaxMembers)
            {
                throw new ConflictException(L($"{ProjectMember.MaxMembers} membres au plus par projet.", $"At most {ProjectMember.MaxMembers} members per project."));
            }

            member = ProjectMember.Invite(project, request.Input.Name, request.Input.Email, now);
            db.ProjectMembers.Add(member);
        }
        else
        {
            member.Reinvite(request.Input.Name!, now);
        }

        var holder = await users.FindAsync(project.ApplicantUserId, cancellationToken);
        db.AddToOutbox(new ProjectMemberInvited(member.Id, project.Id, project.SeasonId, project.ProjectName ?? string.Empty, member.Name, member.Email, member.Token,
            holder?.DisplayName ?? string.Empty) { OccurredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(project.Id, cancellationToken);
    }
}
