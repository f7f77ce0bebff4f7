using System.Reflection;
using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Consistency;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Incubator.BuildingBlocks;

/// <summary>A module's database, migrated by the host at start-up.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);

public static class ModuleRegistration
{
    public static DatabaseOptions GetDatabaseOptions(this IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Incubator:Database").Bind(options);
        options.DataDirectory = configuration["Incubator:DataDirectory"] ?? options.DataDirectory;
        options.ServerConnectionString ??= configuration.GetConnectionString("Incubator");
        return options;
    }

    /// <summary>MediatR 5.1.0 wired by hand: its DI package is not served here.</summary>
    public static IServiceCollection AddIncubatorMediator(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService);
        services.TryAddScoped<IMediator, ResilientMediator>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(FenceConflictRetryBehavior<,>)));
        services.TryAddSingleton<IOutboxSignal, NoOutboxSignal>();
        services.TryAddScoped<ScheduledJobRunner>();
        // Both can be turned off, only to measure what they pay (docs/benchmarks.md, "Mechanisms").
        services.TryAddSingleton(sp => Switch(sp, "Incubator:Jobs:BackgroundLane") ? new BackgroundLane() : new BackgroundLane(threads: 0));
        services.TryAddSingleton(sp => Switch(sp, "Incubator:Jobs:StepAsideUnderLoad") ? new RequestLoad() : new RequestLoad(int.MaxValue, TimeSpan.Zero));
        services.TryAddScoped<DeliveryBatch>();
        services.TryAddSingleton<DeliveryLock>();
        return services;
    }

    private static bool Switch(IServiceProvider services, string key) => services.GetService<IConfiguration>()?.GetValue(key, true) ?? true;

    /// <summary>Scans one module's assembly (and only it) for handlers, validators and scheduled jobs.</summary>
    public static IServiceCollection AddModuleHandlers(this IServiceCollection services, Assembly moduleAssembly)
    {
        services.AddIncubatorMediator();
        services.Scan(scan => scan
            .FromAssemblies(moduleAssembly)
            .AddClasses(c => c.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime()
            // Validators hold no state and compile their rules when built: once per process, not per request.
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IScheduledJob>(), publicOnly: false)
            .As<IScheduledJob>()
            .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<IConsistencyCheck>().Where(t => !t.IsGenericTypeDefinition), publicOnly: false)
            .As<IConsistencyCheck>()
            .WithScopedLifetime());
        return services;
    }

    /// <summary>
    /// One DbContext per module (interceptors registered as <see cref="IInterceptor"/> services,
    /// e.g. a command counter, join every module's context): a SQLite file of its own in the data folder (WAL, busy timeout),
    /// or its own schema on SQL Server or PostgreSQL; plus the module's outbox sweep. One context type per provider
    /// (ADR 0002), each with its own migrations.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TSqlServer, TPostgreSql>(
        this IServiceCollection services, IConfiguration configuration, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgreSql : TContext
    {
        var database = configuration.GetDatabaseOptions();
        services.TryAddSingleton(database);
        services.TryAddSingleton<IFileStore, LocalFileStore>();
        services.AddIncubatorMediator();
        var gate = new OutboxGate();
        services.AddKeyedSingleton(module, (sp, _) => new OutboxSignalInterceptor(module, sp.GetRequiredService<IOutboxSignal>(), gate));
        services.TryAddScoped<ExpectedVersion>();
        services.TryAddSingleton<ExpectedVersionInterceptor>();
        var pragmas = new SqlitePragmas(database.SqliteBusyTimeoutMs);
        var writeGate = database.Provider == DatabaseProvider.Sqlite && database.SqliteWriteGate ? new SqliteWriteGate(TimeSpan.FromMilliseconds(database.SqliteBusyTimeoutMs)) : null;
        services.TryAddSingleton<SqliteWriteGateInterceptor>();
        var writes = new ModuleWrites<TContext>();
        var writesInterceptor = new ModuleWritesInterceptor(writes.Committed);
        services.AddSingleton(writes);
        services.AddSingleton<ModuleReadCache<TContext>>();

        // Contexts come from a pool: their options and EF Core's services for them are built once, not per
        // request (a profile of the review board showed a context's start as 7 % of a request). Everything
        // they are configured with is therefore a singleton; what is per request (the version the person
        // saw) is handed to the context when a scope takes it.
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddPooledDbContextFactory<TSqlServer>((sp, o) => o
                    .UseSqlServer(database.RequiredServerConnectionString, x => x.MigrationsHistoryTable("__EFMigrationsHistory", module))
                    .AddInterceptors(sp.GetRequiredKeyedService<OutboxSignalInterceptor>(module), sp.GetRequiredService<ExpectedVersionInterceptor>())
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<TContext>(sp => Lease<TSqlServer>(sp, null));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddPooledDbContextFactory<TPostgreSql>((sp, o) => o
                    .UseNpgsql(database.RequiredServerConnectionString, x => x.MigrationsHistoryTable("__EFMigrationsHistory", module))
                    .AddInterceptors(sp.GetRequiredKeyedService<OutboxSignalInterceptor>(module), sp.GetRequiredService<ExpectedVersionInterceptor>())
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<TContext>(sp => Lease<TPostgreSql>(sp, null));
                break;
            default:
                var connectionString = database.SqliteConnectionString(module);
                services.AddPooledDbContextFactory<TSqlite>((sp, o) => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(pragmas, writesInterceptor, sp.GetRequiredService<SqliteWriteGateInterceptor>(), sp.GetRequiredKeyedService<OutboxSignalInterceptor>(module), sp.GetRequiredService<ExpectedVersionInterceptor>())
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<TContext>(sp => Lease<TSqlite>(sp, writeGate));
                break;
        }

        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"db:{module}", tags: ["ready"]);
        if (typeof(ModuleDbContext).IsAssignableFrom(typeof(TContext)))
        {
            var processorType = typeof(OutboxProcessor<>).MakeGenericType(typeof(TContext));
            services.AddKeyedSingleton(module, gate);
            services.AddScoped(typeof(IScheduledJob), sp => ActivatorUtilities.CreateInstance(sp, processorType, module, sp.GetRequiredKeyedService<OutboxGate>(module)));
            var outboxCheckType = typeof(OutboxConsistencyCheck<>).MakeGenericType(typeof(TContext));
            services.AddScoped(typeof(IConsistencyCheck), sp => ActivatorUtilities.CreateInstance(sp, outboxCheckType, module));
        }

        return services;
    }

    /// <summary>A context from the pool for this scope (returned to the pool when the scope disposes it).</summary>
    private static TImplementation Lease<TImplementation>(IServiceProvider services, SqliteWriteGate? writeGate)
        where TImplementation : DbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TImplementation>>().CreateDbContext();
        if (context is ModuleDbContext moduleContext)
        {
            moduleContext.ExpectedVersion = services.GetRequiredService<ExpectedVersion>();
            moduleContext.HandOver(writeGate);
            moduleContext.Batch = services.GetRequiredService<DeliveryBatch>();
        }

        return context;
    }

    /// <summary>
    /// Applies every module's migrations; on SQLite, switches each file to WAL once. <paramref name="then"/> runs
    /// for each module as soon as its own database is ready, while the others are still being checked.
    /// </summary>
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, Func<ModuleDatabase, Task>? then = null, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(database.DataDirectory));
            SqliteMemory.Limit(database.SqliteMemoryLimitMb);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Incubator.Migrations");

        // Each module has its own file (or schema): checked side by side. Building a context's model at its first
        // use was most of a restart's time (about 300 ms each on this machine); the SQLite contexts now start from
        // compiled models (ADR 0014), the SQL Server ones still build theirs here.
        // SQLite's "async" calls run synchronously, hence Task.Run.
        await Task.WhenAll(services.GetServices<ModuleDatabase>().Select(module => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            // On PostgreSQL, EF Core finds out whether the history table exists by reading it, and logs the failure as an
            // error on a new database: the table (and the module's schema) is made first, as Migrate would.
            if (db.Database.IsNpgsql())
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            }

            // Reading the history table is cheap; MigrateAsync also builds and compares the whole model
            // (EF Core's pending-model-changes check), which costs a restart hundreds of milliseconds per module.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            logger.LogInformation("Database of module {Module} is up to date", module.Module);
            if (then is not null)
            {
                await then(module);
            }
        }, cancellationToken)));
    }
}
