using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Incubator.BuildingBlocks.Messaging;

public static class OutboxJobs
{
    public static string IdFor(string module) => $"outbox:{module}";
}

/// <summary>
/// The outbox sweep of one module: publishes pending messages through MediatR, each in its own
/// scope, and records success or the error with a retry time. Running twice at once is safe:
/// the handlers' inbox makes the second delivery a no-op.
/// </summary>
internal sealed partial class OutboxProcessor<TDb>(
    string module,
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
        while (await DispatchBatchAsync(cancellationToken) == BatchSize)
        {
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

        foreach (var message in batch)
        {
            await DispatchAsync(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return batch.Count;
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var integrationEvent = OutboxSerializer.Deserialize(message.Type, message.Payload);
            await using var handlerScope = scopeFactory.CreateAsyncScope();
            var mediator = handlerScope.ServiceProvider.GetRequiredService<IMediator>();
            await Publisher.PublishAsync(mediator, integrationEvent, cancellationToken);
            message.MarkProcessed(time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.MarkFailed(time.GetUtcNow(), ex.ToString());
            LogFailed(logger, ex, module, message.Type, message.Id, message.Attempts);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Module}: {Type} {MessageId} failed (attempt {Attempts}); it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex, string module, string type, Guid messageId, int attempts);
}
