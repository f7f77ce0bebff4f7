namespace Incubator.BuildingBlocks.Messaging;

/// <summary>An aggregate that records integration events, written to the outbox when it is saved.</summary>
public interface IHasIntegrationEvents
{
    IReadOnlyCollection<IIntegrationEvent> PendingEvents { get; }

    void ClearPendingEvents();
}

public abstract class AggregateRoot : IHasIntegrationEvents
{
    private readonly List<IIntegrationEvent> _pendingEvents = [];

    public IReadOnlyCollection<IIntegrationEvent> PendingEvents => _pendingEvents;

    /// <summary>Changed on every save: two people editing the same aggregate cannot both win.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    protected void Raise(IIntegrationEvent integrationEvent) => _pendingEvents.Add(integrationEvent);

    public void ClearPendingEvents() => _pendingEvents.Clear();

    internal void BumpVersion() => Version = Guid.NewGuid();
}
