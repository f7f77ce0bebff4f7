using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Coaching.Contracts;

/// <summary>The season's coaching pairs changed; its capacity follows (six projects a pair).</summary>
public sealed record CoachingCapacityChanged(Guid SeasonId, int PairCount) : IntegrationEvent;

/// <summary>A coaching session was logged for a project (the funders' report counts sessions and hours).</summary>
public sealed record CoachingSessionLogged(Guid ProjectId, Guid SeasonId, Guid SessionId, DateOnly Date, int Minutes) : IntegrationEvent;

/// <summary>A project reached one of its milestones.</summary>
public sealed record MilestoneReached(Guid ProjectId, Guid SeasonId, string MilestoneKey, DateOnly ReachedOn) : IntegrationEvent;
