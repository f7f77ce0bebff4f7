using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using System.Text.Json.Serialization;
using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Web;
using Incubator.Host.Audit;
using Incubator.Host.Consistency;
using Incubator.Host.Identity;
using Incubator.Host.Mail;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Incubator.Host.Infrastructure;

internal static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en-GB")];

    public static void AddIncubatorHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment())
        {
            // Logging every SQL command costs real throughput; keep EF Core quiet outside Development.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        }

        if (DemoDataEnabled(builder.Configuration))
        {
            // The demo program is replayed over six months: its seeder moves this clock, then puts it back.
            services.AddSingleton(_ => new DemoClock(TimeProvider.System));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
            services.AddSingleton<DemoData>();
        }

        builder.AddSqlCommandCount();
        services.AddIncubatorMediator();
        builder.AddIncubatorIdentity();
        builder.AddIncubatorProtection();
        builder.AddIncubatorMail();
        builder.AddIncubatorAudit();
        builder.AddIncubatorConsistencyCheck();
        builder.AddIncubatorTelemetry();

        services.AddLocalization();
        // Accented French stays readable in the HTML instead of becoming &#xE9; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddControllersWithViews(o =>
            {
                o.Conventions.Add(new ApiControllerConventions());
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new CleanInputFilter());
                o.Filters.Add(new VersionFilter());
                FormMessages.LocalizeBindingMessages(o);
            })
            .AddJsonOptions(o => ConfigureJson(o.JsonSerializerOptions))
            // Forms are checked on the server; without client validation the validation summary writes no
            // hidden <li style="display:none">, which the Content-Security-Policy (no inline style) would refuse.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));

        // The job server and the web server start side by side, not one after the other.
        services.Configure<HostOptions>(o =>
        {
            o.ServicesStartConcurrently = true;
            o.ServicesStopConcurrently = true;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        services.AddHostedService<NativeMemoryTrim>();
        builder.AddIncubatorJobs();
    }

    private static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    public static async Task InitializeIncubatorAsync(this WebApplication app)
    {
        // One clock for the startup log: milliseconds since the process started.
        DateTime processStart;
        using (var process = System.Diagnostics.Process.GetCurrentProcess())
        {
            processStart = process.StartTime;
        }

        double Since() => (DateTime.Now - processStart).TotalMilliseconds;
        var built = Since();
        var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Incubator.Startup");
        app.Lifetime.ApplicationStarted.Register(() => startup.LogInformation("Listening {Listening:0} ms after the process started", Since()));
        double? seeded = null;
        // The roles and the bootstrap administrator are seeded as soon as the identity and audit databases are
        // ready (giving the administrator their roles is audited), while the others are still being checked.
        var awaited = 2;
        await app.Services.MigrateModuleDatabasesAsync(async module =>
        {
            if (module.Module is IdentityDb.Module or AuditDb.Module && Interlocked.Decrement(ref awaited) == 0)
            {
                await app.Services.SeedIdentityAsync();
                seeded = Since();
            }
        });
        var migrated = Since();
        if (app.Services.GetService<DemoData>() is { } demo)
        {
            await demo.SeedAsync(CancellationToken.None);
        }

        app.Services.RegisterRecurringJobs();
        startup.LogInformation(
            "Since the process started: host built at {Built:0} ms, identity seeded at {Identity:0} ms, databases checked at {Migrated:0} ms, jobs registered at {Jobs:0} ms",
            built, seeded, migrated, Since());
    }

    /// <summary><c>Incubator:DemoData:Enabled</c>, on in Development (appsettings.Development.json), off elsewhere.</summary>
    private static bool DemoDataEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Incubator:DemoData:Enabled");

    public static void UseIncubatorHost(this WebApplication app)
    {
        // Behind a reverse proxy (deploy/nginx.conf): the client's address and scheme as the proxy saw them, for the rate
        // limits, HSTS and secure cookies. Only a proxy on this machine is believed, and those named in
        // Incubator:Proxy:KnownProxies.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in (app.Configuration["Incubator:Proxy:KnownProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
        app.UseIncubatorTelemetry();
        app.UseRequestLoad();
        app.UseSqlCommandCount();
        app.UseExceptionHandler("/error");
        app.UseSecurityHeaders();
        app.UseJsonBodyLimit();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseIncubatorJobsDashboard();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK },
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapIncubatorIdentityApi();
        app.MapControllers();

        // The endpoints (MVC's action descriptors among them) are built now rather than by the first request.
        foreach (var source in ((IEndpointRouteBuilder)app).DataSources)
        {
            _ = source.Endpoints;
        }
    }

    /// <summary>Counts the requests being answered, for the jobs that step aside while many are (<see cref="RequestLoad"/>).</summary>
    private static void UseRequestLoad(this WebApplication app)
    {
        var load = app.Services.GetRequiredService<RequestLoad>();
        app.Use(async (context, next) =>
        {
            load.Started();
            try
            {
                await next(context);
            }
            finally
            {
                load.Ended();
            }
        });
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Only JSON API controllers belong in the OpenAPI document, not the pages; they take JSON
    /// (a cross-site form cannot send it) and bearer tokens, so form antiforgery tokens are for pages.
    /// </summary>
    private sealed class ApiControllerConventions : IControllerModelConvention
    {
        public void Apply(ControllerModel controller)
        {
            var isApi = controller.Attributes.OfType<ApiControllerAttribute>().Any();
            controller.ApiExplorer.IsVisible = isApi;
            if (isApi)
            {
                controller.Filters.Add(new IgnoreAntiforgeryTokenAttribute());
            }
        }
    }
}
