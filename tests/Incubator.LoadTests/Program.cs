using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Incubator.LoadTests;

if (args is ["reference", var referenceData])
{
    await ReferenceHost.RunAsync(referenceData);
    return 0;
}

if (args is ["reference-postgres", var referenceConnection])
{
    await ReferenceHost.RunAsync(referenceConnection, postgres: true);
    return 0;
}

if (args is ["load", var url, var authorization, var connectionCount, .. var pid])
{
    // A quick look at one URL while looking for a cause: "load <url> <header: value|-> <connections> [host's pid]".
    using var host = pid is [var id] ? System.Diagnostics.Process.GetProcessById(int.Parse(id, CultureInfo.InvariantCulture)) : null;
    var target = new Uri(url);
    var connections = int.Parse(connectionCount, CultureInfo.InvariantCulture);
    using var client = Load.Client(new Uri(target.GetLeftPart(UriPartial.Authority)), connections);
    if (authorization != "-")
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation(authorization[..authorization.IndexOf(':')], authorization[(authorization.IndexOf(':') + 1)..].Trim());
    }

    var measure = await Load.RunAsync(connections, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8), async _ =>
    {
        using var response = await client.GetAsync(target.PathAndQuery);
        return response.IsSuccessStatusCode;
    }, host is null ? null : () => HostProcess.CpuTimeOf(host));
    Console.WriteLine(measure);
    return 0;
}

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Incubator.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the repository.");
}

// build/bench.sh publishes the host here (Release, linux-x64, ReadyToRun), as it is deployed.
var hostDll = Path.Combine(root, "artifacts/bench/host/Incubator.Host.dll");
var selfDll = typeof(Bench).Assembly.Location;
var output = Path.Combine(root, "artifacts/bench");
var data = Path.Combine(output, "data");

// While working on one cause: "--reuse" keeps the last seeded data folder, "--only=rush,board" runs some scenarios.
var reuse = args.Contains("--reuse") && File.Exists(Path.Combine(output, "seed.json"));
var only = args.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?["--only=".Length..].Split(',').ToHashSet();
if (!reuse && Directory.Exists(data))
{
    Directory.Delete(data, recursive: true);
}

Directory.CreateDirectory(data);
// build/bench.sh starts a PostgreSQL server of its own and passes its connection string; without it, SQLite only.
var postgres = Environment.GetEnvironmentVariable("INCUBATOR_BENCH_POSTGRES") is { Length: > 0 } server ? server : null;
var bench = new Bench(hostDll, selfDll, data, Path.Combine(output, "seed.json"), only, postgres);
var clock = Stopwatch.StartNew();
var resultsFile = Path.Combine(output, "results.json");
// Written after each path too: a run that fails on a later path keeps what the earlier ones measured.
var results = await bench.RunAsync(reuse, partial => File.WriteAllText(resultsFile, JsonSerializer.Serialize(partial, new JsonSerializerOptions { WriteIndented = true })));
var json = JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true });
await File.WriteAllTextAsync(resultsFile, json);
Console.WriteLine(json);
Console.WriteLine($"Whole run: {clock.Elapsed.TotalSeconds:0} s; results in artifacts/bench/results.json");
return 0;

/// <summary>Seeds the real host, loads it and the reference with the same generator, and compares.</summary>
internal sealed partial class Bench(string hostDll, string selfDll, string data, string seedFile, HashSet<string>? only, string? postgres)
{
    private const string AdminEmail = "admin@bench.local";
    private const string Password = "Bench-Password-1";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15); // a fresh process reaches half its steady throughput in its first 10 s
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    private Dictionary<string, string> HostEnvironment => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Incubator__DataDirectory"] = data,
        ["Incubator__Bootstrap__AdminEmail"] = AdminEmail,
        ["Incubator__Bootstrap__AdminPassword"] = Password,
        ["Incubator__RateLimits__SignInPerMinute"] = "1000000",
        ["Incubator__RateLimits__SignUpPerHour"] = "1000000",
        ["Incubator__RateLimits__SubmissionsPerMinute"] = "1000000",
        ["Incubator__Diagnostics__SqlCommandCount"] = "true",
    };

    /// <summary>The scenarios <c>--only=</c> may name; naming none runs them all on each path named.</summary>
    private static readonly string[] ScenarioNames = ["board", "mixed", "coach", "report", "rush", "mixedRush", "pacedMixedRush", "huge"];

    /// <summary>A scenario runs when <c>--only=</c> names it or names no scenario.</summary>
    private bool Runs(string scenario) => only is null || only.Contains(scenario) || !only.Overlaps(ScenarioNames);

    /// <summary>A path (sqlite, mechanisms, postgres, twoInstances) runs when <c>--only=</c> names it; SQLite also when it names a scenario.</summary>
    private bool RunsPath(string path) => only is null || only.Contains(path) || (path == "sqlite" && only.Overlaps(ScenarioNames));

    /// <summary>
    /// The host that seeds is stopped; a fresh process on the seeded files is the one measured (its cold start,
    /// every scenario, its peak memory), as the reference is a fresh process on the same files. Then, each mechanism
    /// kept for speed or memory turned off in turn, and the same scenarios on PostgreSQL.
    /// </summary>
    public async Task<Dictionary<string, object>> RunAsync(bool reuse, Action<Dictionary<string, object>> save)
    {
        var results = new Dictionary<string, object>();
        if (RunsPath("sqlite") || RunsPath("mechanisms"))
        {
            var seeded = await SeedSqliteAsync(reuse);
            if (RunsPath("sqlite"))
            {
                await SqliteAsync(seeded, reuse, results);
                save(results);
            }

            if (RunsPath("mechanisms"))
            {
                results["mechanisms"] = await MechanismsAsync(seeded);
                save(results);
            }
        }

        if (postgres is not null && (RunsPath("postgres") || RunsPath("twoInstances")))
        {
            await PostgresAsync(postgres, reuse, results);
        }

        return results;
    }

    private async Task<Seeded> SeedSqliteAsync(bool reuse)
    {
        if (reuse)
        {
            return JsonSerializer.Deserialize<Seeded>(await File.ReadAllTextAsync(seedFile))!;
        }

        using var seeder = await HostProcess.StartAsync(hostDll, [], HostEnvironment, "/health/ready");
        var seeding = Stopwatch.StartNew();
        var seeded = await SeedAsync(seeder.BaseAddress, hugeSeason: HugeSeason);
        await DrainAsync(SqliteBacklog);
        await File.WriteAllTextAsync(seedFile, JsonSerializer.Serialize(seeded));
        Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0} s: {seeded.Large} and {seeded.Small}");
        return seeded;
    }

    /// <summary>Cold starts, then every scenario on a fresh process of ours and on the reference, on the SQLite files.</summary>
    private async Task SqliteAsync(Seeded seeded, bool reuse, Dictionary<string, object> results)
    {
        var (coldStarts, refColdStarts) = await ColdStartsAsync();
        var ours = await MeasureAsync(StartOursAsync, seeded, reuse ? Guid.NewGuid().ToString("N")[..6] : "r", huge: true, extras: results, backlog: SqliteBacklog);
        var reference = await MeasureReferenceAsync(StartReferenceAsync, seeded);
        Compare(ours, reference, results);
        var (coldStart, refCold) = (Median(coldStarts), Median(refColdStarts));
        results["coldStart"] = new
        {
            ms = Round(coldStart), refMs = Round(refCold), ratio = Round(coldStart / refCold),
            starts = coldStarts.Select(Round).ToArray(), refStarts = refColdStarts.Select(Round).ToArray(),
        };
        results["peakMemory"] = new
        {
            mb = Round(ours.MemoryMb), refMb = Round(reference.MemoryMb), ratio = Round(ours.MemoryMb / reference.MemoryMb),
            budgetMb = 300, largestSeasonApplications = seeded.Huge is null ? 0 : HugeSeason, withinBudget = ours.MemoryMb <= 300,
        };
    }

    private Task<HostProcess> StartOursAsync() => HostProcess.StartAsync(hostDll, [], HostEnvironment, "/health/live");

    private Task<HostProcess> StartReferenceAsync() =>
        HostProcess.StartAsync(selfDll, ["reference", data], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "/ping");

    /// <summary>
    /// Cold start, process start to first 200 on the seeded files, of each host three times, the two taking turns: on
    /// this shared machine one start of the same binary moves by a third (the reference's went from 670 to 1,200 ms
    /// within an hour), so the ratio is of medians.
    /// </summary>
    private async Task<(double[] Ours, double[] Reference)> ColdStartsAsync()
    {
        var ours = new double[3];
        var reference = new double[3];
        for (var i = 0; i < 3; i++)
        {
            using (var host = await StartOursAsync())
            {
                ours[i] = host.StartedIn.TotalMilliseconds;
            }

            using (var host = await StartReferenceAsync())
            {
                reference[i] = host.StartedIn.TotalMilliseconds;
            }
        }

        return (ours, reference);
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static object Compare(Measure ours, Measure reference) => new
    {
        rps = Round(ours.Rps), p99Ms = Round(ours.P99Ms), errors = ours.Errors,
        refRps = Round(reference.Rps), refP99Ms = Round(reference.P99Ms), ratio = Round(ours.Rps / reference.Rps),
        cpuMsPerRequest = Round(ours.CpuMsPerRequest), refCpuMsPerRequest = Round(reference.CpuMsPerRequest),
    };

    /// <summary>A page with no reference counterpart: its throughput and p99 at 16 connections, and its SQL commands on both datasets.</summary>
    private static object Alone(Measure measure, (int Large, int Small) commands) => new
    {
        rps = Round(measure.Rps), p99Ms = Round(measure.P99Ms), errors = measure.Errors, cpuMsPerRequest = Round(measure.CpuMsPerRequest),
        sqlCommands = commands.Large, sqlCommandsTenTimesSmaller = commands.Small, constant = commands.Large == commands.Small,
    };

    private static async Task<Measure> PageLoadAsync(HostProcess host, string cookie, string path, int connections)
    {
        using var pages = Load.Client(host.BaseAddress, connections);
        return await Load.RunAsync(connections, WarmUp, Duration, async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var response = await pages.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }, host.CpuTime);
    }

    /// <summary>The SQL commands one request ran, as the host counts them (<c>X-Sql-Commands</c>), on its second call (the first may fill caches).</summary>
    private static async Task<int> SqlCommandsAsync(Uri address, string cookie, string path)
    {
        using var client = Load.Client(address, 1);
        var count = 0;
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            Ensure(response);
            count = int.Parse(response.Headers.GetValues("X-Sql-Commands").Single(), CultureInfo.InvariantCulture);
        }

        return count;
    }

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>
    /// Ten seasons; one with 5,000 submitted applications from 50 applicants, each scored by 3 reviewers,
    /// and a program of 60 projects (10 coaching pairs, 1,000 sessions, 120 training days, 5 funders with
    /// 10 agreements); one ten times smaller; and an open one for the submission rush. Everything through
    /// the host's own API.
    /// </summary>
    private async Task<Seeded> SeedAsync(Uri address, int hugeSeason)
    {
        var admin = await SignInAsync(address, AdminEmail, 16);
        var program = await Json<IdBody>(await admin.PostAsJsonAsync("/api/programs", new { name = "Programme", territory = "Drôme", partnerStructures = new[] { "CAE" } }));
        var seasons = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var season = await Json<IdBody>(await admin.PostAsJsonAsync("/api/seasons", new
            {
                programId = program.Id, name = $"Saison {2027 + i}", startsOn = $"{2027 + i}-03-01",
                applicationsOpenAt = now.AddDays(-1), applicationsCloseAt = now.AddDays(30), capacity = 60,
            }));
            seasons.Add(season.Id);
        }

        var big = seasons[0];
        var reviewers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            reviewers.Add((await Json<IdBody>(await admin.PostAsJsonAsync("/api/users", new { email = $"comite{i}@bench.local", displayName = $"Comité {i}", password = Password, roles = new[] { "Reviewer" } }))).Id);
        }

        var rubric = await admin.GetFromJsonAsync<JsonElement>($"/api/seasons/{big}/rubric");
        Ensure(await admin.PutAsJsonAsync($"/api/seasons/{big}/rubric", new { criteria = rubric.GetProperty("criteria"), reviewerUserIds = reviewers, blindReview = false }));
        foreach (var season in new[] { big, seasons[1], seasons[2] })
        {
            Ensure(await admin.PostAsync($"/api/seasons/{season}/open-applications", null));
        }

        var applicants = new List<HttpClient>();
        for (var i = 0; i < 50; i++)
        {
            applicants.Add(await RegisterAsync(address, $"porteur{i:00}@bench.local", 4));
        }

        var list = await SubmitManyAsync(applicants, big, 5000);
        Ensure(await admin.PostAsync($"/api/seasons/{big}/close-applications", null));
        var committee = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            committee.Add(await SignInAsync(address, $"comite{i}@bench.local", 8));
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count * 3), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var score = 1 + ((n * 7) % 5);
            var scores = new Dictionary<string, int> { ["socialNeed"] = score, ["territorialAnchoring"] = 1 + ((n * 3) % 5), ["collectiveDimension"] = 3, ["economicModel"] = 1 + (n % 5), ["team"] = 4 };
            Ensure(await committee[n % 3].PostAsJsonAsync($"/api/applications/{list[n / 3]}/reviews", new { scores, conflictOfInterest = false }));
        });

        // A second season ten times smaller: the same pages must cost the same number of SQL commands there.
        var small = seasons[2];
        var smallList = await SubmitManyAsync(applicants, small, 500);
        Ensure(await admin.PostAsync($"/api/seasons/{small}/close-applications", null));
        var large = await SeedProgramAsync(admin, address, big, list, "A", pairs: 10, sessions: 1000, trainings: 120, funders: 5);
        var smaller = await SeedProgramAsync(admin, address, small, smallList, "B", pairs: 1, sessions: 100, trainings: 12, funders: 1);
        // The season the memory budget is about (issue 24): many more applications, submitted, not yet reviewed.
        Guid? huge = null;
        if (hugeSeason > 0)
        {
            huge = seasons[3];
            Ensure(await admin.PostAsync($"/api/seasons/{huge}/open-applications", null));
            var seeding = Stopwatch.StartNew();
            await SubmitManyAsync(applicants, huge.Value, hugeSeason);
            Ensure(await admin.PostAsync($"/api/seasons/{huge}/close-applications", null));
            Console.WriteLine($"{hugeSeason} applications submitted in {seeding.Elapsed.TotalSeconds:0} s");
        }

        return new Seeded(big, seasons[1], large, smaller, huge);
    }

    /// <summary>
    /// Applicants each create then submit applications as fast as answered, for 20 seconds; both requests count. With
    /// <paramref name="alongside"/>, that load runs over the same 20 seconds (the board viewed during the rush).
    /// </summary>
    private static async Task<Rush> RushAsync(HostProcess host, Guid seasonId, string tag, int connections = 32, Func<TimeSpan, Task<Measure>>? alongside = null, TimeSpan? warmUp = null)
    {
        var address = host.BaseAddress;
        var people = new List<HttpClient>();
        for (var i = 0; i < connections; i++)
        {
            people.Add(await RegisterAsync(address, $"rush-{tag}-{i:00}@bench.local", 2));
        }

        var drafts = new Guid?[connections];
        var acknowledged = new ConcurrentBag<Guid>();
        var warm = warmUp ?? WarmUp;
        var reads = alongside?.Invoke(warm);
        var measure = await Load.RunAsync(connections, warm, TimeSpan.FromSeconds(20), async i =>
        {
            if (drafts[i] is { } draft)
            {
                var submitted = await people[i].PostAsync($"/api/applications/{draft}/submit", null);
                drafts[i] = null;
                if (submitted.IsSuccessStatusCode)
                {
                    acknowledged.Add(draft);
                }

                return submitted.IsSuccessStatusCode;
            }

            var created = await people[i].PostAsJsonAsync($"/api/seasons/{seasonId}/applications", Body(i));
            if (created.StatusCode == HttpStatusCode.Created)
            {
                drafts[i] = (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
            }

            return created.StatusCode == HttpStatusCode.Created;
        }, alongside is null ? host.CpuTime : null);
        var alongsideMeasure = reads is null ? null : await reads;
        var mine = new HashSet<Guid>();
        foreach (var person in people)
        {
            foreach (var application in (await person.GetFromJsonAsync<List<Summary>>("/api/applications/mine"))!.Where(a => a.Status == "Submitted"))
            {
                mine.Add(application.Id);
            }
        }

        return new Rush(measure, acknowledged.Count, acknowledged.Count(mine.Contains), alongsideMeasure);
    }

    private static object Body(int n) => new
    {
        projectName = $"Projet solidaire n°{n}",
        summary = "Un garage associatif où chacun apprend à réparer sa voiture.",
        socialNeed = "La mobilité en zone rurale pour les personnes aux revenus modestes.",
        commune = "Die",
        departmentCode = n % 2 == 0 ? "26" : "07",
        collectiveDimension = "Une association de 40 adhérents, des bénévoles mécaniciens.",
        economicModel = "Adhésions, prestations à prix solidaire, subventions de démarrage.",
        team = new[] { new { name = "Camille Martin", role = "Coordinatrice", email = "camille@example.org" } },
    };

    private static async Task<HttpClient> RegisterAsync(Uri address, string email, int connections)
    {
        using var anonymous = Load.Client(address, 1);
        Ensure(await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password }));
        return await SignInAsync(address, email, connections);
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email, int connections)
    {
        var client = Load.Client(address, connections);
        var token = await Json<TokenBody>(await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>One signs in through the sign-in page; the load then sends that cookie.</summary>
    private static async Task<string> PageCookieAsync(Uri address, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var html = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(html).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in page answered {(int)response.StatusCode}.");
        }

        return cookies.GetCookieHeader(address);
    }

    private static async Task<T> Json<T>(HttpResponseMessage response)
    {
        Ensure(response);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record IdBody(Guid Id);

    internal sealed record Seeded(Guid Season, Guid RushSeason, ProgramData Large, ProgramData Small, Guid? Huge);

    private sealed record TokenBody(string AccessToken);

    private sealed record Summary(Guid Id, string Status);

    /// <summary>A rush's writes, the submissions it acknowledged and found back, and the load run beside it.</summary>
    private sealed record Rush(Measure Writes, int Acknowledged, int Persisted, Measure? Alongside);
}
