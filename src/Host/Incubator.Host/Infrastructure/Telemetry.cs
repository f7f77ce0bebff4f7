using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Persistence;
using Incubator.BuildingBlocks.Telemetry;
using Incubator.Host.Mail;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Incubator.Host.Infrastructure;

/// <summary>
/// Metrics and traces with OpenTelemetry, off unless configured (README, Operations):
/// <c>Incubator:Telemetry:PrometheusToken</c> serves <c>/metrics</c> to a scraper that sends <c>Authorization: Bearer
/// &lt;token&gt;</c> (anyone else gets 404); <c>Incubator:Telemetry:OtlpEndpoint</c> sends metrics and traces to an
/// OpenTelemetry collector. Measured: ASP.NET Core's requests, the runtime, EF Core, the scheduled jobs' runs and
/// durations, each module's outbox (messages waiting, age of the oldest) and the mails waiting.
/// </summary>
internal static class Telemetry
{
    public static void AddIncubatorTelemetry(this WebApplicationBuilder builder)
    {
        var token = builder.Configuration["Incubator:Telemetry:PrometheusToken"];
        var otlp = builder.Configuration["Incubator:Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(token) && string.IsNullOrWhiteSpace(otlp))
        {
            return;
        }

        builder.Services.AddSingleton<Backlog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Backlog>());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("incubator"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(IncubatorMetrics.MeterName, "Microsoft.EntityFrameworkCore");
                if (!string.IsNullOrWhiteSpace(token))
                {
                    metrics.AddPrometheusExporter();
                }

                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource("Microsoft.EntityFrameworkCore").AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
    }

    public static void UseIncubatorTelemetry(this WebApplication app)
    {
        if (app.Configuration["Incubator:Telemetry:PrometheusToken"] is not { Length: > 0 } token)
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics"
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), expected));
    }

    /// <summary>
    /// What waits in each module's outbox and in the mail queue, read every 15 s (a gauge's callback cannot query a
    /// database) and reported by the gauges <c>incubator.outbox.pending</c>, <c>incubator.outbox.lag</c> (seconds since
    /// the oldest waiting message) and <c>incubator.mail.waiting</c>.
    /// </summary>
    internal sealed class Backlog : BackgroundService
    {
        private readonly IServiceScopeFactory _scopes;
        private readonly TimeProvider _time;
        private readonly ConcurrentDictionary<string, (int Pending, double LagSeconds)> _outboxes = new();
        private int _mails;

        public Backlog(IServiceScopeFactory scopes, TimeProvider time)
        {
            _scopes = scopes;
            _time = time;
            IncubatorMetrics.Meter.CreateObservableGauge("incubator.outbox.pending", () => _outboxes.Select(o => new Measurement<int>(o.Value.Pending, new KeyValuePair<string, object?>("module", o.Key))), description: "Outbox messages not yet handled");
            IncubatorMetrics.Meter.CreateObservableGauge("incubator.outbox.lag", () => _outboxes.Select(o => new Measurement<double>(o.Value.LagSeconds, new KeyValuePair<string, object?>("module", o.Key))), unit: "s", description: "Age of the oldest outbox message not yet handled");
            IncubatorMetrics.Meter.CreateObservableGauge("incubator.mail.waiting", () => Volatile.Read(ref _mails), description: "Mails not yet sent");
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
            do
            {
                try
                {
                    await SampleAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database not reachable now: the health check says so; the gauges keep their last values.
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }

        internal async Task SampleAsync(CancellationToken cancellationToken)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var now = _time.GetUtcNow();
            foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                if (scope.ServiceProvider.GetRequiredService(module.ContextType) is not ModuleDbContext db)
                {
                    continue;
                }

                var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
                var count = await waiting.CountAsync(cancellationToken);
                var oldest = count == 0 ? (DateTimeOffset?)null : await waiting.OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstAsync(cancellationToken);
                _outboxes[module.Module] = (count, oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0);
            }

            var mails = scope.ServiceProvider.GetRequiredService<MailDb>();
            Volatile.Write(ref _mails, await mails.OutgoingMails.AsNoTracking().CountAsync(m => m.SentAt == null, cancellationToken));
        }
    }
}
