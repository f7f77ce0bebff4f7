using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>
/// The real host as its own operating-system process (`dotnet Incubator.Host.dll`) on a loopback port:
/// Kestrel, Hangfire's server and the SQLite files as in production, so that it can be killed.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host built next to the tests on <paramref name="dataDirectory"/> and waits until it is ready.</summary>
    public static async Task<HostProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = SmtpListener.FreePort();
        var start = StartInfo([], dataDirectory, settings);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var host = new HostProcess(Process.Start(start)!, port);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host stopped while starting:\n{host.Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        host.Dispose();
        throw new TimeoutException($"The host was not ready within 90 s:\n{host.Output}");
    }

    /// <summary>Runs one of the host's commands (e.g. <c>backup &lt;archive&gt;</c>) as the operator would, with the same settings.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string[] arguments, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(arguments, dataDirectory, settings))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo StartInfo(string[] arguments, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Incubator.Host.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Incubator__DataDirectory"] = dataDirectory;
        start.Environment["Incubator__Bootstrap__AdminEmail"] = IncubatorFactory.AdminEmail;
        start.Environment["Incubator__Bootstrap__AdminPassword"] = IncubatorFactory.AdminPassword;
        start.Environment["Incubator__RateLimits__SignInPerMinute"] = "100000";
        start.Environment["Incubator__RateLimits__SignUpPerHour"] = "100000";
        start.Environment["Incubator__RateLimits__SubmissionsPerMinute"] = "100000";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>A client signed in with a bearer token from <c>/api/auth/login</c>.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        await response.EnsureSuccessAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
        return client;
    }

    /// <summary>An applicant's account made through <c>/api/auth/register</c>.</summary>
    public async Task RegisterAsync(string email, string password)
    {
        using var anonymous = CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password })).EnsureSuccessAsync();
    }

    /// <summary>A season whose call is open now, made by the bootstrap administrator.</summary>
    public async Task<Guid> OpenSeasonAsync(int? capacity = 6)
    {
        var lead = await SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var now = DateTimeOffset.UtcNow;
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(30), capacity);
        await (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessAsync();
        return season.Id;
    }

    private sealed record TokenResponse(string AccessToken);

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: no shutdown, no flush, no finally block runs, as when the power goes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
