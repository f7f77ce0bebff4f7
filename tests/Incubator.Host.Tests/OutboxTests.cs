using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Contracts;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>
/// A probe module, registered in the test host only: its handler of CohortApproved writes one
/// row per delivery it lets through, in its own SQLite file (or its own schema on PostgreSQL), behind the real inbox.
/// </summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public DbSet<ProbeEffect> Effects => Set<ProbeEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema("probe");
        }

        modelBuilder.Entity<ProbeEffect>().HasKey(e => e.Id);
        base.OnModelCreating(modelBuilder);
    }
}

public sealed class ProbeEffect
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SeasonId { get; set; }

    public int Projects { get; set; }
}

/// <summary>Fails the first delivery when asked to, as a handler whose database is briefly away would.</summary>
public sealed class ProbeFailures
{
    public int FailuresLeft { get; set; }
}

internal sealed class ProbeHandler(ProbeDbContext db, TimeProvider time, ProbeFailures failures)
    : InboxHandler<CohortApproved, ProbeDbContext>(db, time)
{
    protected override Task HandleOnceAsync(CohortApproved notification, CancellationToken cancellationToken)
    {
        Db.Effects.Add(new ProbeEffect { SeasonId = notification.SeasonId, Projects = notification.Projects.Count });
        if (failures.FailuresLeft > 0)
        {
            failures.FailuresLeft--;
            throw new InvalidOperationException("probe handler failed on purpose");
        }

        return Task.CompletedTask;
    }
}

public abstract class OutboxTests(DatabaseProvider provider)
{
    private IncubatorFactory NewFactory(string? dataDirectory = null, ProbeFailures? failures = null) =>
        new(dataDirectory, services =>
        {
            services.AddSingleton(failures ?? new ProbeFailures());
            services.AddDbContext<ProbeDbContext>((sp, o) =>
            {
                var database = sp.GetRequiredService<DatabaseOptions>();
                if (provider == DatabaseProvider.PostgreSql)
                {
                    o.UseNpgsql(database.ServerConnectionString);
                }
                else
                {
                    o.UseSqlite(database.SqliteConnectionString("probe"));
                }
            });
            services.AddScoped<INotificationHandler<CohortApproved>, ProbeHandler>();
        }, provider: provider);

    private static async Task<Guid> ApproveACohortAsync(IncubatorFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var probe = scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database;
            if (probe.IsNpgsql())
            {
                // The database already holds the modules' schemas, so EnsureCreated would take it as created.
                await probe.ExecuteSqlRawAsync("CREATE SCHEMA IF NOT EXISTS probe");
                await probe.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            }
            else
            {
                await probe.EnsureCreatedAsync();
            }
        }

        var lead = await factory.AdminClientAsync();
        var season = await lead.SeasonInSelectionAsync(factory);
        var project = await factory.DecideAsync(season.Id, ApplicationDecision.Selected);
        (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessStatusCode();
        (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessStatusCode();
        return season.Id;
    }

    private static async Task<int> EffectsAsync(IncubatorFactory factory, Guid seasonId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.CountAsync(e => e.SeasonId == seasonId);
    }

    private static async Task<OutboxMessage> OutboxMessageOfAsync(IncubatorFactory factory, string typeName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().ToListAsync();
        return Assert.Single(messages, m => m.Type.Contains(typeName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_approved_cohort_When_the_dispatch_job_runs_twice_at_once_Then_the_handler_acts_once()
    {
        using var factory = NewFactory();
        var seasonId = await ApproveACohortAsync(factory);
        Assert.Null((await OutboxMessageOfAsync(factory, nameof(CohortApproved))).ProcessedAt);
        Assert.Equal(0, await EffectsAsync(factory, seasonId));

        await Task.WhenAll(factory.RunJobAsync("outbox:seasons"), factory.RunJobAsync("outbox:seasons"));
        await factory.RunJobAsync("outbox:seasons");

        Assert.Equal(1, await EffectsAsync(factory, seasonId));
        Assert.NotNull((await OutboxMessageOfAsync(factory, nameof(CohortApproved))).ProcessedAt);
    }

    [Fact]
    public async Task Given_a_process_that_died_before_dispatching_When_the_host_restarts_Then_the_event_is_delivered()
    {
        Guid seasonId;
        string dataDirectory;
        using (var first = NewFactory())
        {
            seasonId = await ApproveACohortAsync(first);
            dataDirectory = first.DataDirectory;
        }

        using var second = NewFactory(dataDirectory);
        _ = second.Services; // start the host: migrations run, nothing is dispatched yet
        Assert.Equal(0, await EffectsAsync(second, seasonId));

        await second.RunJobAsync("outbox:seasons");

        Assert.Equal(1, await EffectsAsync(second, seasonId));
    }

    [Fact]
    public async Task Given_a_handler_that_fails_once_When_dispatching_Then_the_error_is_kept_and_the_retry_delivers_once()
    {
        var failures = new ProbeFailures { FailuresLeft = 1 };
        using var factory = NewFactory(failures: failures);
        var seasonId = await ApproveACohortAsync(factory);

        await factory.RunJobAsync("outbox:seasons");

        var failed = await OutboxMessageOfAsync(factory, nameof(CohortApproved));
        Assert.Null(failed.ProcessedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("probe handler failed on purpose", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await EffectsAsync(factory, seasonId));

        await factory.RunJobAsync("outbox:seasons"); // too early: it waits for its retry time
        Assert.Equal(1, (await OutboxMessageOfAsync(factory, nameof(CohortApproved))).Attempts);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.RunJobAsync("outbox:seasons");
        await factory.RunJobAsync("outbox:seasons");

        Assert.Equal(1, await EffectsAsync(factory, seasonId));
        Assert.NotNull((await OutboxMessageOfAsync(factory, nameof(CohortApproved))).ProcessedAt);
    }

    [Fact]
    public async Task Given_a_message_already_handled_When_it_is_replayed_Then_nothing_happens_again()
    {
        using var factory = NewFactory();
        var seasonId = await ApproveACohortAsync(factory);
        await factory.RunJobAsync("outbox:seasons");
        var message = await OutboxMessageOfAsync(factory, nameof(CohortApproved));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var replay = OutboxSerializer.Deserialize(message.Type, message.Payload);
            await Publisher.PublishAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), replay, CancellationToken.None);
        }

        Assert.Equal(1, await EffectsAsync(factory, seasonId));
    }
}

public sealed class OutboxTestsOnSqlite() : OutboxTests(DatabaseProvider.Sqlite);

public sealed class OutboxTestsOnPostgreSql() : OutboxTests(DatabaseProvider.PostgreSql);
