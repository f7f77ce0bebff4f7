using System.Security.Cryptography;
using Incubator.BuildingBlocks.Application;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Domain;

/// <summary>
/// A person of a project's team, invited by its holder once the project is in an approved cohort, who joins with an
/// account of their own (issue 25). A member removed keeps no access; the project stays whatever becomes of its members.
/// </summary>
internal sealed class ProjectMember
{
    public const int MaxMembers = 12;

    private ProjectMember()
    {
        Name = string.Empty;
        Email = string.Empty;
        Token = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lower-case: one invitation per address and project.</summary>
    public string Email { get; private set; }

    /// <summary>The secret of the invitation's link; a new invitation makes a new one.</summary>
    public string Token { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public Guid? UserId { get; private set; }

    public DateTimeOffset? JoinedAt { get; private set; }

    public static ProjectMember Invite(Application project, string? name, string? email, DateTimeOffset now)
    {
        if (!project.InCohort)
        {
            throw new ConflictException(L(
                "L'équipe s'invite une fois le projet dans une promotion approuvée.",
                "The team is invited once the project is in an approved cohort."));
        }

        // The name and the address are checked by InviteProjectMemberValidator, as every request's input is.
        return new ProjectMember
        {
            Id = Guid.NewGuid(),
            ApplicationId = project.Id,
            SeasonId = project.SeasonId,
            Name = name!.Trim(),
            Email = email!.Trim().ToLowerInvariant(),
            Token = NewToken(),
            InvitedAt = now,
        };
    }

    /// <summary>Invited again (the mail was lost, say): a new link; the old one no longer works.</summary>
    public void Reinvite(string name, DateTimeOffset now)
    {
        if (JoinedAt is not null)
        {
            throw new ConflictException(L("Cette personne a déjà rejoint le projet.", "This person has already joined the project."));
        }

        Name = name.Trim();

        Token = NewToken();
        InvitedAt = now;
    }

    public void Join(Guid userId, Guid holderUserId, DateTimeOffset now)
    {
        if (userId == holderUserId)
        {
            throw new ConflictException(L("Vous portez déjà ce projet.", "You already hold this project."));
        }

        if (UserId is { } already)
        {
            if (already != userId)
            {
                throw new ConflictException(L("Cette invitation a déjà servi.", "This invitation has already been used."));
            }

            return;
        }

        UserId = userId;
        JoinedAt = now;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
