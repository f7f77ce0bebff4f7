using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Coaching.Contracts;

/// <summary>The season's coaching pairs changed; its capacity follows (six projects a pair).</summary>
public sealed record CoachingCapacityChanged(Guid SeasonId, int PairCount) : IntegrationEvent;
