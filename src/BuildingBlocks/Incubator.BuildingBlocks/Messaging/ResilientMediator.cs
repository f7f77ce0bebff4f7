using MediatR;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>Runs every handler of a notification even when one fails, then reports all failures.</summary>
public sealed class ResilientMediator(ServiceFactory serviceFactory) : Mediator(serviceFactory)
{
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        var failures = new List<Exception>();
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            Task current;
            try
            {
                if (!handlers.MoveNext())
                {
                    break;
                }

                current = handlers.Current;
            }
            catch (Exception ex)
            {
                failures.Add(ex);
                continue;
            }

            try
            {
                await current.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("One or more handlers failed.", failures);
        }
    }
}
