using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>
/// The handlers of one outbox batch write each module's database in one transaction, committed once the whole
/// batch is handled, instead of one durable commit per handler per message: a rush of 300 submissions a second
/// made each of them cost two more commits (the funders' report and the confirmation mail), each waiting for the disk.
/// <para>
/// Within the batch every handler's save is still its own unit: EF Core puts a savepoint around each save inside a
/// transaction, so a handler that fails leaves nothing behind and its message is retried, while the others' saves
/// stay. A context joins when one of its saves is the first of the batch; each message starts from an empty change
/// tracker. The outbox marks its messages handled only after these commits: a crash in between delivers them
/// again, and the handlers' inbox rows, committed with their effects, turn that into nothing.
/// </para>
/// </summary>
public sealed class DeliveryBatch
{
    private readonly List<ModuleDbContext> _joined = [];

    /// <summary>True inside an outbox batch's scope; every other scope saves as usual.</summary>
    public bool Active { get; private set; }

    internal void Start() => Active = true;

    /// <summary>Before each message: what a previous message's handlers left tracked is not carried into the next.</summary>
    internal void NextMessage()
    {
        foreach (var context in _joined)
        {
            context.ChangeTracker.Clear();
        }
    }

    internal async Task JoinAsync(ModuleDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.BeginTransactionAsync(cancellationToken);
        _joined.Add(context);
    }

    internal void Join(ModuleDbContext context)
    {
        context.Database.BeginTransaction();
        _joined.Add(context);
    }

    /// <summary>Commits every joined database; one that fails leaves its messages to be delivered again.</summary>
    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        Active = false;
        foreach (var context in _joined)
        {
            await context.Database.CommitTransactionAsync(cancellationToken);
        }

        _joined.Clear();
    }
}
