using System.Globalization;
using System.Threading.RateLimiting;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Microsoft.AspNetCore.RateLimiting;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Infrastructure;

/// <summary>Security headers on every answer, and rate limits on signing in, signing up and submitting.</summary>
internal static class Protection
{
    public const string SignIn = RateLimits.SignIn;
    public const string SignUp = RateLimits.SignUp;
    public const string Submission = RateLimits.Submission;
    public const string IdentityApi = "identity-api";

    /// <summary>
    /// Limits from <c>Incubator:RateLimits</c>. Sign-in and sign-up count per IP address, generously, because a whole
    /// cohort may sign in from one third place's connection; accounts are also locked after repeated failures.
    /// Submissions count per signed-in person.
    /// </summary>
    public static void AddIncubatorProtection(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Incubator:RateLimits");
        var signIn = limits.GetValue("SignInPerMinute", 30);
        var signUp = limits.GetValue("SignUpPerHour", 20);
        var submissions = limits.GetValue("SubmissionsPerMinute", 30);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, http => Window($"in:{Address(http)}", signIn, TimeSpan.FromMinutes(1)));
            options.AddPolicy(SignUp, http => Window($"up:{Address(http)}", signUp, TimeSpan.FromHours(1)));
            options.AddPolicy(Submission, http => Window($"submit:{http.User.UserId()?.ToString() ?? Address(http)}", submissions, TimeSpan.FromMinutes(1)));
            // The Identity API's endpoints: registering counts as signing up, the rest (login, refresh, reset) as signing in.
            options.AddPolicy(IdentityApi, http => http.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                ? Window($"up:{Address(http)}", signUp, TimeSpan.FromHours(1))
                : Window($"in:{Address(http)}", signIn, TimeSpan.FromMinutes(1)));
        });
    }

    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Hangfire's dashboard (administrators only) brings its own inline scripts; every other page has none.
            if (!context.Request.Path.StartsWithSegments("/jobs"))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            }

            return Task.CompletedTask;
        });
        await next();
    });

    /// <summary>The largest JSON body the API reads; files go through their own multipart endpoints and limits.</summary>
    public const long MaxJsonBodyBytes = 256 * 1024;

    /// <summary>
    /// A JSON body over <see cref="MaxJsonBodyBytes"/> is answered 413 before anything reads it: from its
    /// Content-Length at once, and through the server's body limit when it comes in chunks.
    /// </summary>
    public static void UseJsonBodyLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > MaxJsonBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(
                    new
                    {
                        type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                        title = L($"Requête trop volumineuse : {MaxJsonBodyBytes / 1024} Kio au plus.", $"Request too large: {MaxJsonBodyBytes / 1024} KiB at most."),
                        status = 413,
                    },
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxJsonBodyBytes;
            }
        }

        await next();
    });

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = L($"Trop de tentatives : réessayez dans {seconds} secondes.", $"Too many attempts: try again in {seconds} seconds.");
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.Response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = message, status = 429 },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{(IsEnglish ? "en" : "fr")}\"><head><meta charset=\"utf-8\"><title>Incubator</title></head><body><main><h1>{System.Net.WebUtility.HtmlEncode(message)}</h1>"
            + $"<p><a href=\"/\">{L("Retour à l'accueil", "Back to the home page")}</a></p></main></body></html>", cancellationToken);
    }
}
