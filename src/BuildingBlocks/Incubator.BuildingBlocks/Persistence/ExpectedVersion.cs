using Incubator.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// The version of the aggregate the person saw before changing it (the API's <c>If-Match</c>, a form's hidden
/// <c>__version</c>), for this request. Saving compares it in the database's own UPDATE: if anyone saved
/// the aggregate since, the save fails with a 409 instead of silently overwriting their change.
/// </summary>
public sealed class ExpectedVersion
{
    public Guid? Value { get; set; }
}

/// <summary>
/// Applies the request's <see cref="ExpectedVersion"/> (handed to the context when the request's scope takes it
/// from the pool) when a save changes exactly one aggregate.
/// </summary>
public sealed class ExpectedVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is not ModuleDbContext { ExpectedVersion.Value: { } version })
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.State == EntityState.Modified && e.Property(a => a.Version).IsModified)
            .ToList();
        if (changed.Count == 1)
        {
            changed[0].Property(a => a.Version).OriginalValue = version;
        }
    }
}
