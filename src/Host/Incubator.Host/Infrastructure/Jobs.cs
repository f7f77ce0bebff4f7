using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage;
using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Incubator.Host.Infrastructure;

/// <summary>Hangfire runs every scheduled sweep; it keeps no business state (in memory with SQLite; in the server database, SQL Server or PostgreSQL, beyond one machine).</summary>
internal static partial class Jobs
{
    public static void AddIncubatorJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetDatabaseOptions();
        // One storage instance per host, registered before AddHangfire so that the server, the
        // dashboard and the job manager all use it rather than the process-wide JobStorage.Current.
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(database.RequiredServerConnectionString, new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
            }),
            DatabaseProvider.PostgreSql => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(database.RequiredServerConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    // A process killed while it held one of Hangfire's locks leaves the lock's row behind; a lock older than
                    // this is taken back. Hangfire holds its locks for milliseconds; the default, 10 minutes, kept a restarted
                    // host from registering or triggering that job for as long (seen in CrashTestsOnPostgreSql).
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                }),
            _ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }),
        });
        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        if (builder.Configuration.GetValue("Incubator:Jobs:RunServer", true))
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
                o.Queues = ["default"];
            });
        }

        builder.Services.AddSingleton<IJobTrigger, HangfireJobTrigger>();
        builder.Services.AddSingleton<IOutboxSignal, OutboxSignal>();
    }

    /// <summary>
    /// Each job's schedule, written to the job storage at every start. A job whose lock is held (by another instance, or
    /// left by a killed process until it lapses) keeps the schedule already stored: the host starts all the same.
    /// </summary>
    public static void RegisterRecurringJobs(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Incubator.Jobs");
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            var id = job.Id;
            try
            {
                manager.AddOrUpdate<ScheduledJobRunner>(id, runner => runner.RunAsync(id, CancellationToken.None), job.Cron,
                    new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            catch (Exception ex) when (ex is DistributedLockTimeoutException or PostgreSqlDistributedLockException or SqlServerDistributedLockException)
            {
                LogScheduleKept(logger, ex, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schedule of job {JobId} could not be written now (its lock is held); the one stored is kept.")]
    private static partial void LogScheduleKept(ILogger logger, Exception ex, string jobId);

    public static void UseIncubatorJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "Incubator — jobs",
        });

    /// <summary>Administrators only: a local request is not enough.</summary>
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}

/// <summary>
/// Runs a recurring job now; repeated calls within a short time coalesce into one. A nudge only:
/// it comes after a commit, so it never fails the request; the job's own schedule catches up.
/// </summary>
internal sealed partial class HangfireJobTrigger(IServiceProvider services, ILogger<HangfireJobTrigger> logger) : IJobTrigger
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, long> _lastTriggered = new();

    public void Trigger(string jobId)
    {
        var now = Environment.TickCount64;
        var last = _lastTriggered.GetOrAdd(jobId, 0);
        if (now - last < Coalesce.TotalMilliseconds || !_lastTriggered.TryUpdate(jobId, now, last))
        {
            return;
        }

        try
        {
            services.GetRequiredService<IRecurringJobManager>().Trigger(jobId);
        }
        catch (Exception ex)
        {
            LogTriggerFailed(logger, ex, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trigger job {JobId} now; its schedule will run it.")]
    private static partial void LogTriggerFailed(ILogger logger, Exception ex, string jobId);
}

internal sealed class OutboxSignal(IJobTrigger trigger) : IOutboxSignal
{
    public void MessagesWritten(string module) => trigger.Trigger(OutboxJobs.IdFor(module));
}

internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetRecurringJobs();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage unreachable", ex));
        }
    }
}
