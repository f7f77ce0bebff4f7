using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Incubator.LoadTests;

/// <summary>A host run as its own process on a loopback port: ours (Incubator.Host.dll) or the reference.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address, TimeSpan startedIn)
    {
        _process = process;
        BaseAddress = address;
        StartedIn = startedIn;
    }

    public Uri BaseAddress { get; }

    /// <summary>From the process start to its first 200 on the probe path.</summary>
    public TimeSpan StartedIn { get; }

    public static async Task<HostProcess> StartAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string probe)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} stopped while starting (exit code {process.ExitCode}).");
            }

            try
            {
                if ((await http.GetAsync(probe)).StatusCode == HttpStatusCode.OK)
                {
                    return new HostProcess(process, address, clock.Elapsed);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(20);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{dll} was not ready within two minutes.");
    }

    /// <summary>The CPU time the process has used so far, user and system.</summary>
    public TimeSpan CpuTime() => CpuTimeOf(_process);

    /// <summary>The CPU time a process has used so far, user and system (read again at each call).</summary>
    public static TimeSpan CpuTimeOf(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The peak resident memory of the process (VmHWM), in MB.</summary>
    public double PeakMemoryMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
