using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.BuildingBlocks.Consistency;

/// <summary>
/// Every message of a module's outbox is dispatched or still being retried: one that gave up after its last attempt,
/// or that has waited more than an hour, is reported with its error. Nothing is repaired: a message that failed twenty
/// times needs a person to read why.
/// </summary>
internal sealed class OutboxConsistencyCheck<TDb>(string module, TDb db, TimeProvider time) : IConsistencyCheck
    where TDb : ModuleDbContext
{
    public static readonly TimeSpan Late = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<ConsistencyFinding>> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        var late = time.GetUtcNow() - Late;
        var stuck = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.OccurredAt < late))
            .OrderBy(m => m.OccurredAt)
            .Select(m => new { m.Id, m.Type, m.OccurredAt, m.Attempts, m.NextAttemptAt, m.LastError })
            .Take(100)
            .ToListAsync(cancellationToken);
        return stuck.Select(m =>
        {
            var type = m.Type.Split(',')[0].Split('.')[^1];
            var error = m.LastError is { } e ? e.Split('\n')[0] : L("aucune erreur enregistrée", "no error recorded");
            return m.NextAttemptAt is null
                ? new ConsistencyFinding(module, "outbox.given-up", L(
                    $"Message {type} ({m.Id}) du {m.OccurredAt:yyyy-MM-dd HH:mm} abandonné après {m.Attempts} tentatives : {error}",
                    $"Message {type} ({m.Id}) of {m.OccurredAt:yyyy-MM-dd HH:mm} given up after {m.Attempts} attempts: {error}"), false)
                : new ConsistencyFinding(module, "outbox.late", L(
                    $"Message {type} ({m.Id}) du {m.OccurredAt:yyyy-MM-dd HH:mm} toujours pas traité ({m.Attempts} tentatives) : {error}",
                    $"Message {type} ({m.Id}) of {m.OccurredAt:yyyy-MM-dd HH:mm} still not handled ({m.Attempts} attempts): {error}"), false);
        }).ToList();
    }
}
