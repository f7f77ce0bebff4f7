using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

public sealed record MemberInput(string? Name, string? Email);

public sealed record ProjectMemberDto(Guid Id, string Name, string Email, DateTimeOffset InvitedAt, bool Joined, DateTimeOffset? JoinedAt);

/// <summary>A project's team: the members invited or joined and, for its holder, the people of the application's team not yet invited.</summary>
public sealed record ProjectTeamDto(Guid ProjectId, string? ProjectName, bool IsHolder, IReadOnlyList<ProjectMemberDto> Members, IReadOnlyList<MemberInput> NotYetInvited);

public sealed record JoinedProjectDto(Guid ProjectId, string? ProjectName);

/// <summary>Who may see a project's team (its holder, its members who joined, a lead) and change it (its holder).</summary>
internal sealed class TeamAccess(ApplicationsDbContext db, ICurrentUser user)
{
    public async Task<Application> HeldAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        return await db.Applications.FirstOrDefaultAsync(a => a.Id == projectId && a.ApplicantUserId == me, cancellationToken) ?? throw NotFound();
    }

    public async Task<ProjectTeamDto> ReadAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var project = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == projectId, cancellationToken) ?? throw NotFound();
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ApplicationId == projectId).OrderBy(m => m.InvitedAt).ToListAsync(cancellationToken);
        var isHolder = project.ApplicantUserId == me;
        if (!isHolder && !user.IsInRole(Roles.ProgramLead) && !members.Any(m => m.UserId == me))
        {
            throw NotFound();
        }

        var invited = members.Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var suggestions = isHolder
            ? project.Team.Where(t => t.Email is { Length: > 0 } e && !invited.Contains(e)).Select(t => new MemberInput(t.Name, t.Email)).ToList()
            : [];
        return new ProjectTeamDto(project.Id, project.ProjectName, isHolder,
            members.Select(m => new ProjectMemberDto(m.Id, m.Name, m.Email, m.InvitedAt, m.JoinedAt is not null, m.JoinedAt)).ToList(), suggestions);
    }

    public static NotFoundException NotFound() => new(L("Projet introuvable.", "Project not found."));
}
