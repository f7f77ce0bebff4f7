using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>
/// Handles each message once: the handler's changes and its inbox row are saved in one
/// transaction, and the unique (message, handler) key turns a replay into nothing.
/// A derived handler changes <paramref name="db"/> and does not save it itself. A handler whose save fails on a
/// <see cref="ConsistencyFence"/> (a request decided on the same facts meanwhile) runs again at once on what that
/// request committed, a few times at most; beyond, its message is retried later as any failed one.
/// </summary>
public abstract class InboxHandler<TEvent, TDb>(TDb db, TimeProvider time) : INotificationHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TDb : ModuleDbContext
{
    private const int FenceAttempts = 5;

    protected TDb Db => db;

    protected TimeProvider Time => time;

    private string HandlerName => GetType().FullName ?? GetType().Name;

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        if (await AlreadyHandledAsync(notification.Id, cancellationToken))
        {
            return;
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await HandleOnceAsync(notification, cancellationToken);
                    db.InboxMessages.Add(new InboxMessage(notification.Id, HandlerName, time.GetUtcNow()));
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException ex) when (attempt < FenceAttempts && ConsistencyFence.IsConflict(ex))
                {
                    db.ChangeTracker.Clear();
                    if (await AlreadyHandledAsync(notification.Id, cancellationToken))
                    {
                        return; // the refused save held this message's inbox row too: another dispatcher handled it
                    }
                }
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await AlreadyHandledAsync(notification.Id, cancellationToken))
            {
                return; // another dispatcher handled the same message at the same time
            }

            throw;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    protected abstract Task HandleOnceAsync(TEvent notification, CancellationToken cancellationToken);

    private Task<bool> AlreadyHandledAsync(Guid messageId, CancellationToken cancellationToken) =>
        Handled.For(db)(db, messageId, HandlerName, cancellationToken);

    /// <summary>
    /// Asked once per handler per message: compiled once, it skips EF Core's per-call parameter extraction and
    /// query-cache lookup, which were most of its cost (issue 9: a rush's backlog asks it twice per submission).
    /// </summary>
    private static readonly CompiledQuery<TDb, Func<TDb, Guid, string, CancellationToken, Task<bool>>> Handled = new(() => EF.CompileAsyncQuery(
        (TDb db, Guid messageId, string handler, CancellationToken _) => db.InboxMessages.Any(m => m.MessageId == messageId && m.Handler == handler)));
}
