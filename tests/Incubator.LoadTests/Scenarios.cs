using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.LoadTests;

/// <summary>
/// The scenarios, each run the same way against our host and against the reference on the same data (SQLite files or
/// one PostgreSQL database): the review board read, the board read while reviews are scored, the submission rush,
/// and the rush while the board is viewed.
/// </summary>
internal sealed partial class Bench
{
    /// <summary>The applications of the season the memory budget is about (issue 24: at most 300 MB resident with it).</summary>
    private const int HugeSeason = 50_000;

    /// <summary>What one of our hosts answered in each scenario run, and its peak memory.</summary>
    private sealed record Ours(Measure? BoardApi, Measure? BoardPage, Measure? Mixed, Rush? Rush, Rush? MixedRush, Rush? PacedMixedRush, double MemoryMb);

    /// <summary>The same for the reference; its rush is one insert per request.</summary>
    private sealed record Reference(Measure? BoardApi, Measure? BoardPage, Measure? Mixed, Measure? Insert, Measure? MixedInserts, Measure? MixedReads, Measure? PacedInserts, Measure? PacedReads, double MemoryMb);

    /// <summary>A fresh process of ours: every scenario asked for, one after the other; the pages without a reference go to <paramref name="extras"/>.</summary>
    /// <param name="backlog">The messages and mails not yet handled, when this path can count them: the host then starts
    /// from an empty backlog, and after the rushes the time it takes to catch up is measured (<c>rushCatchUp</c>).</param>
    private async Task<Ours> MeasureAsync(Func<Task<HostProcess>> start, Seeded seeded, string tag, bool huge, Dictionary<string, object> extras, Func<Backlog>? backlog = null)
    {
        using var host = await start();
        var address = host.BaseAddress;
        var leadCookie = await PageCookieAsync(address, AdminEmail);
        if (backlog is not null)
        {
            // What an earlier run left undelivered (its host stopped right after its rushes) is delivered first, so that
            // it does not change the read models in the middle of the scenarios.
            var (left, _, seconds) = await TimedDrainAsync(backlog);
            extras["backlogAtStart"] = new { pending = left.Total, messages = left.Messages, mails = left.Mails, drainedInSeconds = seconds };
        }
        Measure? boardApi = null, boardPage = null, mixed = null;
        Rush? rush = null, mixedRush = null, pacedMixedRush = null;
        if (Runs("board"))
        {
            boardApi = await BoardReadsAsync(host, seeded.Season, 32, WarmUp, Duration, cpu: true);
            boardPage = await PageLoadAsync(host, leadCookie, $"/applications/review/seasons/{seeded.Season}", 32);
        }

        if (Runs("mixed"))
        {
            mixed = await MixedBoardAsync(host, seeded.Season);
        }

        if (Runs("coach"))
        {
            var coachCookie = await PageCookieAsync(address, seeded.Large.CoachEmail);
            var commands = (await SqlCommandsAsync(address, coachCookie, "/coaching/projects"),
                await SqlCommandsAsync(address, await PageCookieAsync(address, seeded.Small.CoachEmail), "/coaching/projects"));
            extras["coachProjectsPage"] = Alone(await PageLoadAsync(host, coachCookie, "/coaching/projects", 16), commands);
        }

        if (Runs("report"))
        {
            var commands = (await SqlCommandsAsync(address, leadCookie, $"/funding/seasons/{seeded.Large.SeasonId}/report"),
                await SqlCommandsAsync(address, leadCookie, $"/funding/seasons/{seeded.Small.SeasonId}/report"));
            extras["funderReport"] = Alone(await PageLoadAsync(host, leadCookie, $"/funding/seasons/{seeded.Large.SeasonId}/report", 16), commands);
        }

        if (Runs("rush"))
        {
            rush = await RushAsync(host, seeded.RushSeason, tag);
        }

        if (Runs("mixedRush"))
        {
            mixedRush = await MixedRushAsync(host, seeded, tag + "m", WarmUp);
        }

        if (Runs("pacedMixedRush"))
        {
            pacedMixedRush = await MixedRushAsync(host, seeded, tag + "p", WarmUp, ReaderPace);
        }

        if (backlog is not null && (rush is not null || mixedRush is not null || pacedMixedRush is not null))
        {
            // What the rushes wrote reaches the other modules (the report, the cohort's candidates) once they stop:
            // delivery steps aside under load (ADR 0016). API.md promises ten seconds in ordinary use.
            var (pending, messagesSeconds, seconds) = await TimedDrainAsync(backlog);
            extras["rushCatchUp"] = new { pendingWhenTheRushesEnd = pending.Total, messages = pending.Messages, mails = pending.Mails, messagesDeliveredInSeconds = messagesSeconds, seconds };
        }

        if (huge && seeded.Huge is { } largest && Runs("huge"))
        {
            extras["largestSeasonBoard"] = await LargestSeasonAsync(host, leadCookie, largest);
        }

        return new Ours(boardApi, boardPage, mixed, rush, mixedRush, pacedMixedRush, host.PeakMemoryMb());
    }

    /// <summary>
    /// How many messages and mails wait, how long the host takes to deliver the messages (the other modules then have
    /// their copies), and how long to handle everything (the mails they wrote too).
    /// </summary>
    private static async Task<(Backlog Pending, double MessagesSeconds, double Seconds)> TimedDrainAsync(Func<Backlog> backlog)
    {
        var pending = backlog();
        var draining = System.Diagnostics.Stopwatch.StartNew();
        double? messages = null;
        await DrainAsync(() =>
        {
            var now = backlog();
            messages ??= now.Messages == 0 ? draining.Elapsed.TotalSeconds : null;
            return now;
        });
        return (pending, Round(messages ?? draining.Elapsed.TotalSeconds), Round(draining.Elapsed.TotalSeconds));
    }

    /// <summary>The reference on the same data, each scenario as <see cref="MeasureAsync"/> runs it.</summary>
    private async Task<Reference> MeasureReferenceAsync(Func<Task<HostProcess>> start, Seeded seeded)
    {
        using var reference = await start();
        using var client = Load.Client(reference.BaseAddress, 32);
        Measure? boardApi = null, boardPage = null, mixed = null, insert = null, mixedInserts = null, mixedReads = null, pacedInserts = null, pacedReads = null;
        if (Runs("board"))
        {
            boardApi = await Load.RunAsync(32, WarmUp, Duration, async _ => (await client.GetAsync($"/board?season={seeded.Season}")).IsSuccessStatusCode, reference.CpuTime);
            boardPage = await Load.RunAsync(32, WarmUp, Duration, async _ => (await client.GetAsync($"/board/page?season={seeded.Season}")).IsSuccessStatusCode, reference.CpuTime);
        }

        if (Runs("mixed"))
        {
            var ids = (await client.GetFromJsonAsync<BoardPage>($"/board?season={seeded.Season}"))!.Items.Select(i => i.Id).ToList();
            var sent = 0;
            mixed = await Load.RunAsync(32, WarmUp, Duration, async _ =>
            {
                var n = Interlocked.Increment(ref sent);
                return n % 10 == 0
                    ? (await client.PostAsJsonAsync("/rescore", new Rescore(ids[n / 10 % ids.Count], 1 + (n % 5)))).IsSuccessStatusCode
                    : (await client.GetAsync($"/board?season={seeded.Season}")).IsSuccessStatusCode;
            }, reference.CpuTime);
        }

        if (Runs("rush"))
        {
            insert = await Load.RunAsync(32, WarmUp, TimeSpan.FromSeconds(20), InsertAsync, reference.CpuTime);
        }

        if (Runs("mixedRush"))
        {
            (mixedInserts, mixedReads) = await MixedAsync(pace: null);
        }

        if (Runs("pacedMixedRush"))
        {
            (pacedInserts, pacedReads) = await MixedAsync(ReaderPace);
        }

        return new Reference(boardApi, boardPage, mixed, insert, mixedInserts, mixedReads, pacedInserts, pacedReads, reference.PeakMemoryMb());

        async Task<bool> InsertAsync(int i) => (await client.PostAsJsonAsync("/insert", new { projectName = $"Projet {i}" })).StatusCode == HttpStatusCode.Created;

        // 24 connections of inserts beside 8 of the board's query, as MixedRushAsync does on ours.
        async Task<(Measure Inserts, Measure Reads)> MixedAsync(TimeSpan? pace)
        {
            var reads = Load.RunAsync(8, WarmUp, TimeSpan.FromSeconds(20), async _ => (await client.GetAsync($"/board?season={seeded.Season}")).IsSuccessStatusCode, pace: pace);
            var inserts = await Load.RunAsync(24, WarmUp, TimeSpan.FromSeconds(20), InsertAsync);
            return (inserts, await reads);
        }
    }

    /// <summary>Each scenario both hosts ran, ours over the reference.</summary>
    private static void Compare(Ours ours, Reference reference, Dictionary<string, object> results)
    {
        if (ours.BoardApi is not null && reference.BoardApi is not null && ours.BoardPage is not null && reference.BoardPage is not null)
        {
            results["reviewBoardApi"] = Compare(ours.BoardApi, reference.BoardApi);
            results["reviewBoardPage"] = Compare(ours.BoardPage, reference.BoardPage);
        }

        if (ours.Mixed is not null && reference.Mixed is not null)
        {
            results["mixedBoard"] = Compare(ours.Mixed, reference.Mixed);
        }

        if (ours.Rush is { } rush && reference.Insert is not null)
        {
            results["submissionRush"] = new
            {
                rps = Round(rush.Writes.Rps), p99Ms = Round(rush.Writes.P99Ms), errors = rush.Writes.Errors, rush.Acknowledged, rush.Persisted, lost = rush.Acknowledged - rush.Persisted,
                refRps = Round(reference.Insert.Rps), refP99Ms = Round(reference.Insert.P99Ms), ratio = Round(rush.Writes.Rps / reference.Insert.Rps),
                cpuMsPerRequest = Round(rush.Writes.CpuMsPerRequest), refCpuMsPerRequest = Round(reference.Insert.CpuMsPerRequest),
            };
        }

        if (ours.MixedRush is { Alongside: { } reads } mixedRush && reference.MixedInserts is { } inserts && reference.MixedReads is { } refReads)
        {
            results["mixedRush"] = MixedRushResult(mixedRush, reads, inserts, refReads);
        }

        if (ours.PacedMixedRush is { Alongside: { } pacedReads } paced && reference.PacedInserts is { } pacedInserts && reference.PacedReads is { } refPacedReads)
        {
            var result = MixedRushResult(paced, pacedReads, pacedInserts, refPacedReads);
            result["readerPaceMs"] = ReaderPace.TotalMilliseconds;
            results["pacedMixedRush"] = result;
        }
    }

    /// <summary>A rush beside the board's readers against the reference's inserts beside its readers: the writes' ratio, and the reads' rate and p99 ratios.</summary>
    private static Dictionary<string, object> MixedRushResult(Rush ours, Measure reads, Measure refWrites, Measure refReads) => new()
    {
        ["writesRps"] = Round(ours.Writes.Rps), ["writesP99Ms"] = Round(ours.Writes.P99Ms), ["readsRps"] = Round(reads.Rps), ["readsP99Ms"] = Round(reads.P99Ms),
        ["errors"] = ours.Writes.Errors + reads.Errors, ["Acknowledged"] = ours.Acknowledged, ["Persisted"] = ours.Persisted, ["lost"] = ours.Acknowledged - ours.Persisted,
        ["refWritesRps"] = Round(refWrites.Rps), ["refWritesP99Ms"] = Round(refWrites.P99Ms), ["refReadsRps"] = Round(refReads.Rps), ["refReadsP99Ms"] = Round(refReads.P99Ms),
        ["ratio"] = Round(ours.Writes.Rps / refWrites.Rps), ["readsRatio"] = Round(reads.Rps / refReads.Rps), ["readsP99Ratio"] = Round(reads.P99Ms / refReads.P99Ms),
    };

    /// <summary>The lead reading page 1 of the board's API.</summary>
    private static async Task<Measure> BoardReadsAsync(HostProcess host, Guid season, int connections, TimeSpan warmUp, TimeSpan duration, bool cpu = false, TimeSpan? pace = null)
    {
        using var lead = await SignInAsync(host.BaseAddress, AdminEmail, connections);
        return await Load.RunAsync(connections, warmUp, duration, async _ =>
            (await lead.GetAsync($"/api/seasons/{season}/applications?page=1&pageSize=50")).IsSuccessStatusCode, cpu ? host.CpuTime : null, pace);
    }

    /// <summary>
    /// The submission rush while the board is viewed (issue 24): 24 applicants create and submit while 8 connections read
    /// the large season's board; each submission writes the applications' database and so empties what the board kept
    /// (ADR 0018). The reference does 24 connections of inserts and 8 of its board query.
    /// </summary>
    /// <remarks>
    /// With <paramref name="pace"/> (<c>pacedMixedRush</c>) each reader reads at most once per that interval, on both
    /// hosts alike. Without it the readers read as fast as they are answered, and a host that answers reads faster
    /// spends more of the two cores on them and less on its writes: the two hosts then do not run the same mix
    /// (docs/benchmarks.md).
    /// </remarks>
    private static Task<Rush> MixedRushAsync(HostProcess host, Seeded seeded, string tag, TimeSpan warmUp, TimeSpan? pace = null) =>
        RushAsync(host, seeded.RushSeason, tag, connections: 24, alongside: warm => BoardReadsAsync(host, seeded.Season, 8, warm, TimeSpan.FromSeconds(20), pace: pace), warmUp: warmUp);

    /// <summary>The paced readers' interval: 8 readers, 100 board reads a second in all, which both hosts serve.</summary>
    private static readonly TimeSpan ReaderPace = TimeSpan.FromMilliseconds(80);

    /// <summary>
    /// The review board read while reviews are scored (issue 24): of every ten requests, nine read the board's API and one
    /// scores a review again through the real API (the committee's three reviewers, on the page's applications), which
    /// writes the applications' database and so empties what the board kept (ADR 0018). The reference does the same mix
    /// with its board query and one UPDATE of an application's stored score.
    /// </summary>
    private static async Task<Measure> MixedBoardAsync(HostProcess host, Guid season, TimeSpan? warmUp = null)
    {
        var address = host.BaseAddress;
        using var lead = await SignInAsync(address, AdminEmail, 32);
        var committee = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            committee.Add(await SignInAsync(address, $"comite{i}@bench.local", 8));
        }

        var board = $"/api/seasons/{season}/applications?page=1&pageSize=50";
        var ids = (await lead.GetFromJsonAsync<JsonElement>(board)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var sent = 0;
        var measure = await Load.RunAsync(32, warmUp ?? WarmUp, Duration, async _ =>
        {
            var n = Interlocked.Increment(ref sent);
            if (n % 10 != 0)
            {
                return (await lead.GetAsync(board)).IsSuccessStatusCode;
            }

            var scores = new Dictionary<string, int> { ["socialNeed"] = 1 + (n % 5), ["territorialAnchoring"] = 3, ["collectiveDimension"] = 3, ["economicModel"] = 1 + ((n / 10) % 5), ["team"] = 4 };
            return (await committee[n % 3].PostAsJsonAsync($"/api/applications/{ids[n / 10 % ids.Count]}/reviews", new { scores, conflictOfInterest = false })).IsSuccessStatusCode;
        }, host.CpuTime);
        committee.ForEach(c => c.Dispose());
        return measure;
    }

    /// <summary>The board of the season of <see cref="HugeSeason"/> applications: its API under load, then its page once (the largest page a lead opens).</summary>
    private static async Task<object> LargestSeasonAsync(HostProcess host, string leadCookie, Guid season)
    {
        var api = await BoardReadsAsync(host, season, 16, TimeSpan.FromSeconds(5), Duration, cpu: true);
        using var client = Load.Client(host.BaseAddress, 1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/applications/review/seasons/{season}");
        request.Headers.Add("Cookie", leadCookie);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return new
        {
            applications = HugeSeason, apiRps = Round(api.Rps), apiP99Ms = Round(api.P99Ms), errors = api.Errors, cpuMsPerRequest = Round(api.CpuMsPerRequest),
            pageStatus = (int)response.StatusCode, pageMs = Round(clock.Elapsed.TotalMilliseconds), pageKb = Round(html.Length / 1024.0),
        };
    }
}
