namespace Incubator.Applications.Contracts;

/// <summary>A team member who joined a project with their own account.</summary>
public sealed record ProjectTeamMember(Guid ProjectId, Guid UserId, string Name);

/// <summary>
/// Who, besides its holder, takes part in a project: the team members who joined it with their own account (issue 25).
/// Trainings and Coaching ask it when they decide who sees a project's calendar and coaching, and whom they remind:
/// a member removed or erased is gone at the next question, with no copy to fall behind.
/// </summary>
public interface IProjectTeam
{
    /// <summary>The projects the person has joined as a member (not those they hold).</summary>
    Task<IReadOnlyList<Guid>> ProjectsJoinedByAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The members who joined each of these projects.</summary>
    Task<IReadOnlyList<ProjectTeamMember>> MembersOfAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken);
}
