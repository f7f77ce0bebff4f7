using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// A compiled query (EF.CompileAsyncQuery) for each model it meets. EF Core binds a compiled query to the first model it
/// runs with and refuses any other; a host has one model per context, but the SQLite and PostgreSQL contexts of one
/// module are two models, and the tests run hosts of both providers in one process.
/// </summary>
public sealed class CompiledQuery<TContext, TQuery>(Func<TQuery> compile)
    where TContext : DbContext
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new(ReferenceEqualityComparer.Instance);

    public TQuery For(TContext db) => _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
