using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>One module's outbox sweep in this process: running or not, and asked again meanwhile or not.</summary>
internal sealed class OutboxGate
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int Asked = 2;
    private int _state;
    private int _queued;

    /// <summary>
    /// After a commit that wrote outbox messages: true when a run must be queued; false when a run is going
    /// (it goes round again for them) or one is already queued and has not started (it will read them). A
    /// rush of commits then queues one job, not one per commit. Were a queued run lost, the sweep's own
    /// schedule (every 5 s) clears this.
    /// </summary>
    public bool Ask()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Asked:
                    return false;
                case Running when Interlocked.CompareExchange(ref _state, Asked, Running) == Running:
                    return false;
                case Running:
                    continue; // the runner has just left or been asked: look again
                default:
                    return Interlocked.Exchange(ref _queued, 1) == 0;
            }
        }
    }

    /// <summary>True when the caller is now the one running; false when a run is going and will go round again for it.</summary>
    public bool Enter()
    {
        var entered = Interlocked.CompareExchange(ref _state, Running, Idle) == Idle
            || Interlocked.Exchange(ref _state, Asked) == Idle; // the runner left meanwhile: run (one round more)
        Interlocked.Exchange(ref _queued, 0); // what was committed before now, this run (or the one going) reads
        return entered;
    }

    /// <summary>Called by the runner after a round: true (and running again) when someone asked meanwhile, else idle.</summary>
    public bool GoRoundAgain()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Running) == Running)
        {
            return false;
        }

        Interlocked.Exchange(ref _state, Running);
        return true;
    }

    public void Leave() => Interlocked.Exchange(ref _state, Idle);
}

/// <summary>
/// One outbox batch delivers at a time in this process: a batch holds a transaction, and the write gate, on every
/// database its handlers write (see <see cref="DeliveryBatch"/>); two batches of different modules taking the same two
/// files in opposite orders would otherwise wait on each other.
/// </summary>
public sealed class DeliveryLock
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}

public static class OutboxJobs
{
    public static string IdFor(string module) => $"outbox:{module}";
}

/// <summary>
/// The outbox sweep of one module: publishes pending messages through MediatR, a batch at a time in one scope
/// (<see cref="DeliveryBatch"/>), and marks the handled ones in one statement per batch and each failed one with its error and a retry time. Within one process a
/// module's sweep runs alone: a run asked for while one is going makes that one go round again instead
/// of dispatching the same messages a second time (every commit asks for a run, so a rush of
/// submissions would otherwise run several sweeps over the same batch). Two processes running it at
/// once stay safe: the handlers' inbox makes the second delivery a no-op.
/// </summary>
internal sealed partial class OutboxProcessor<TDb>(
    string module,
    OutboxGate gate,
    DeliveryLock deliveryLock,
    RequestLoad load,
    IServiceScopeFactory scopeFactory,
    TimeProvider time,
    ILogger<OutboxProcessor<TDb>> logger) : IScheduledJob
    where TDb : ModuleDbContext
{
    private const int BatchSize = 100;

    public string Id => OutboxJobs.IdFor(module);

    public string Cron => "*/5 * * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!gate.Enter())
        {
            return;
        }

        try
        {
            do
            {
                while (await DispatchBatchAsync(cancellationToken) == BatchSize)
                {
                }
            }
            while (gate.GoRoundAgain());
        }
        catch
        {
            gate.Leave();
            throw;
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var now = time.GetUtcNow();
        var batch = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // The handlers' commits may wait while requests are many; a sweep that finds nothing never waits.
        await load.WhenEasedAsync(cancellationToken);
        var failures = new Dictionary<OutboxMessage, Exception>();
        await deliveryLock.Semaphore.WaitAsync(cancellationToken);
        try
        {
            // One scope for the batch's handlers: each database they write is one transaction for the batch (see DeliveryBatch).
            await using var handlerScope = scopeFactory.CreateAsyncScope();
            var delivery = handlerScope.ServiceProvider.GetRequiredService<DeliveryBatch>();
            var mediator = handlerScope.ServiceProvider.GetRequiredService<IMediator>();
            delivery.Start();
            foreach (var message in batch)
            {
                delivery.NextMessage();
                if (await DispatchAsync(mediator, message, cancellationToken) is { } failure)
                {
                    failures[message] = failure;
                }
            }

            await delivery.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A handler's database could not commit the batch: none of its messages is known to be handled.
            foreach (var message in batch)
            {
                failures.TryAdd(message, ex);
            }
        }
        finally
        {
            deliveryLock.Semaphore.Release();
        }

        var handledAt = time.GetUtcNow();
        var handled = new List<Guid>(batch.Count);
        foreach (var message in batch)
        {
            if (failures.TryGetValue(message, out var failure))
            {
                message.MarkFailed(handledAt, failure.ToString());
                LogFailed(logger, failure, module, message.Type, message.Id, message.Attempts);
            }
            else
            {
                handled.Add(message.Id);
            }
        }

        // After the handlers' own commits: after a crash before these marks, the handled messages are delivered
        // again and their handlers' inbox turns that into nothing. The handled ones are marked by one statement
        // (EF Core's save writes one UPDATE per row); the failed ones, each with its own error, by a save.
        if (handled.Count > 0)
        {
            await db.WriteAsync(ct => db.OutboxMessages.Where(m => handled.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, handledAt)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct), cancellationToken);
        }

        if (failures.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return batch.Count;
    }

    private static async Task<Exception?> DispatchAsync(IMediator mediator, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var integrationEvent = OutboxSerializer.Deserialize(message.Type, message.Payload);
            await Publisher.PublishAsync(mediator, integrationEvent, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Module}: {Type} {MessageId} failed (attempt {Attempts}); it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex, string module, string type, Guid messageId, int attempts);
}
