using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Coaching.Domain;

/// <summary>Two coaches who together follow six projects of a season ("binôme").</summary>
internal sealed class CoachingPair : AggregateRoot
{
    private CoachingPair()
    {
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid CoachAUserId { get; private set; }

    public Guid CoachBUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool Has(Guid coachUserId) => CoachAUserId == coachUserId || CoachBUserId == coachUserId;

    public static CoachingPair Form(Guid seasonId, Guid coachA, Guid coachB, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SeasonId = seasonId,
        CoachAUserId = coachA,
        CoachBUserId = coachB,
        CreatedAt = now,
    };
}
