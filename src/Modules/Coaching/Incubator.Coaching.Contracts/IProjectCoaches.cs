namespace Incubator.Coaching.Contracts;

/// <summary>
/// Which projects a coach follows, through their pair: the Impact module asks it when a coach opens or fills in a
/// project's questionnaire during a meeting (issue 26). Asked at each request, so a pair's change counts at once.
/// </summary>
public interface IProjectCoaches
{
    Task<bool> CoachesAsync(Guid userId, Guid projectId, CancellationToken cancellationToken);
}
