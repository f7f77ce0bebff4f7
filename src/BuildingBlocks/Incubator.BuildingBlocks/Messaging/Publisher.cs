using System.Collections.Concurrent;
using System.Reflection;
using MediatR;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>MediatR 5 publishes by static type; this calls Publish&lt;T&gt; with the event's runtime type.</summary>
public static class Publisher
{
    private static readonly MethodInfo PublishMethod = typeof(IMediator).GetMethods()
        .Single(m => m.Name == nameof(IMediator.Publish) && m.IsGenericMethodDefinition);

    private static readonly ConcurrentDictionary<Type, MethodInfo> Closed = new();

    public static Task PublishAsync(IMediator mediator, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var method = Closed.GetOrAdd(integrationEvent.GetType(), t => PublishMethod.MakeGenericMethod(t));
        return (Task)method.Invoke(mediator, [integrationEvent, cancellationToken])!;
    }
}
