using Microsoft.EntityFrameworkCore;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>
/// The real host on real SQLite files in a folder of its own, or on a real PostgreSQL database of its own
/// (<see cref="TestDatabase"/>). Hangfire's server is off: tests run the scheduled jobs themselves, deterministically,
/// with a fake clock.
/// </summary>
public class IncubatorFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Password-1";

    private readonly Action<IServiceCollection>? _configure;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Configuration for this host only, e.g. low rate limits for the test that checks them.</param>
    /// <param name="provider">SQLite files in <paramref name="dataDirectory"/>, or the PostgreSQL database named after it.</param>
    public IncubatorFactory(
        string? dataDirectory = null,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "incubator-tests", Guid.NewGuid().ToString("N"));
        Provider = provider;
        var all = TestDatabase.Settings(provider, DataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _settings = all;

        _configure = configure;
    }

    public string DataDirectory { get; }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Incubator:DataDirectory", DataDirectory);
        builder.UseSetting("Incubator:Jobs:RunServer", "false");
        builder.UseSetting("Incubator:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Incubator:Bootstrap:AdminPassword", AdminPassword);
        // Every test client signs in from the same (absent) address: the rate limits are tested on their own.
        builder.UseSetting("Incubator:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Incubator:RateLimits:SignUpPerHour", "100000");
        builder.UseSetting("Incubator:RateLimits:SubmissionsPerMinute", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _configure?.Invoke(services);
        });
    }

    public async Task RunJobAsync(string jobId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScheduledJobRunner>().RunAsync(jobId, CancellationToken.None);
    }

    /// <summary>The mails written to an address, oldest first (subject and text), for a test outside this assembly.</summary>
    public async Task<IReadOnlyList<(string Subject, string Text)>> MailsToAsync(string to)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Incubator.Host.Mail.MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync()).Select(m => (m.Subject, m.TextBody)).ToList();
    }

    public async Task<HttpClient> ClientForAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => ClientForAsync(AdminEmail, AdminPassword);

    /// <summary>Creates a user with the given role through the API, and signs them in.</summary>
    public async Task<(HttpClient Client, Guid Id)> UserClientAsync(string role)
    {
        var admin = await AdminClientAsync();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        const string password = "User-Password-1";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = role + " test", password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        var user = await created.Content.ReadFromJsonAsync<IdResponse>();
        return (await ClientForAsync(email, password), user!.Id);
    }

    /// <summary>Creates an account with one role through the users API; the caller signs in as it likes (API or pages).</summary>
    public async Task<(string Email, Guid Id)> AccountAsync(HttpClient admin, string role, string displayName, string password)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName, password, roles = new[] { role } });
        await created.EnsureSuccessAsync();
        return (email, (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id);
    }

    public async Task<(HttpClient Client, Guid Id)> ApplicantClientAsync()
    {
        var client = CreateClient();
        var email = $"applicant-{Guid.NewGuid():N}@test.local";
        const string password = "Applicant-Password-1";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password })).EnsureSuccessStatusCode();
        var signedIn = await ClientForAsync(email, password);
        var me = await signedIn.GetFromJsonAsync<IdResponse>("/api/users/me");
        return (signedIn, me!.Id);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            // Idle pooled connections of a stopped host would hold the server's connection slots until the run ends.
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}

public sealed record IdResponse(Guid Id);

/// <summary>One host per test class, shared by its tests (each test makes its own data).</summary>
public class HostFixture : IDisposable
{
    public HostFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected HostFixture(DatabaseProvider provider)
    {
        Factory = new IncubatorFactory(provider: provider);
    }

    public IncubatorFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One host on a PostgreSQL database of its own per test class.</summary>
public sealed class PostgreSqlHostFixture() : HostFixture(DatabaseProvider.PostgreSql);
