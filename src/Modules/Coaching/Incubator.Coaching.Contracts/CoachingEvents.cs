using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Coaching.Contracts;

/// <summary>The season's coaching pairs changed; its capacity follows (six projects a pair).</summary>
public sealed record CoachingCapacityChanged(Guid SeasonId, int PairCount) : IntegrationEvent;

/// <summary>A coaching session was logged for a project (the funders' report counts sessions and hours).</summary>
public sealed record CoachingSessionLogged(Guid ProjectId, Guid SeasonId, Guid SessionId, DateOnly Date, int Minutes) : IntegrationEvent;

/// <summary>A project reached one of its milestones.</summary>
public sealed record MilestoneReached(Guid ProjectId, Guid SeasonId, string MilestoneKey, DateOnly ReachedOn) : IntegrationEvent;

/// <summary>
/// A pair's weekly digest: the projects not seen for four weeks and the meetings of the coming week.
/// Published once per pair and week; the host turns it into an e-mail to both coaches.
/// </summary>
public sealed record CoachingDigestReady(
    Guid PairId,
    Guid SeasonId,
    DateOnly WeekOf,
    IReadOnlyList<Guid> CoachUserIds,
    IReadOnlyList<DigestProject> NotSeen,
    IReadOnlyList<DigestMeeting> Meetings) : IntegrationEvent;

public sealed record DigestProject(Guid ProjectId, string ProjectName, DateOnly? LastSessionOn);

public sealed record DigestMeeting(Guid ProjectId, string ProjectName, DateOnly On);
