using MediatR;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>A fact one module publishes for the others, delivered through its outbox.</summary>
public interface IIntegrationEvent : INotification
{
    Guid Id { get; }

    DateTimeOffset OccurredAt { get; }
}

public abstract record IntegrationEvent : IIntegrationEvent
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; }
}
