using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>Told when a module's outbox has new messages, so they are dispatched now rather than at the next sweep.</summary>
public interface IOutboxSignal
{
    void MessagesWritten(string module);
}

internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void MessagesWritten(string module)
    {
    }
}

/// <summary>
/// Signals after the data and its outbox rows are committed, never before, unless a sweep already going or queued
/// will read them; and runs the context's <see cref="ModuleDbContext.AfterCommit"/> actions at the same point.
/// </summary>
internal sealed class OutboxSignalInterceptor(string module, IOutboxSignal signal, OutboxGate gate) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Signal(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Signal(context);
        }
    }

    private void Signal(DbContext? context)
    {
        (context as ModuleDbContext)?.RunAfterCommit();
        if (context is ModuleDbContext { WroteOutboxMessages: true } moduleContext)
        {
            moduleContext.WroteOutboxMessages = false;
            if (gate.Ask())
            {
                signal.MessagesWritten(module);
            }
        }
    }
}
