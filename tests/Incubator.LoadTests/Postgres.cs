using System.Text.Json;
using Incubator.LoadTests;
using Npgsql;

/// <summary>
/// The server path (issue 24): the same seeding and scenarios with our host on PostgreSQL, against the reference on the
/// same database (its board query on our applications table, its inserts in a schema of its own); then the board read
/// through two instances of ours on that database against one.
/// </summary>
internal sealed partial class Bench
{
    private const string PostgresDatabase = "incubator_bench";

    private async Task PostgresAsync(string server, bool reuse, Dictionary<string, object> results)
    {
        var connection = $"{server};Database={PostgresDatabase}";
        var folder = data + "-postgres";
        var seedFilePostgres = Path.ChangeExtension(seedFile, ".postgres.json");
        var environment = HostEnvironment;
        environment["Incubator__DataDirectory"] = folder;
        environment["Incubator__Database__Provider"] = "PostgreSql";
        environment["ConnectionStrings__Incubator"] = connection;

        Seeded seeded;
        if (reuse && File.Exists(seedFilePostgres) && await DatabaseExistsAsync(server))
        {
            seeded = JsonSerializer.Deserialize<Seeded>(await File.ReadAllTextAsync(seedFilePostgres))!;
        }
        else
        {
            await FreshDatabaseAsync(server);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            using var seeder = await HostProcess.StartAsync(hostDll, [], environment, "/health/ready");
            var seeding = System.Diagnostics.Stopwatch.StartNew();
            seeded = await SeedAsync(seeder.BaseAddress, hugeSeason: 0);
            await DrainAsync(() => PostgresBacklog(connection));
            await File.WriteAllTextAsync(seedFilePostgres, JsonSerializer.Serialize(seeded));
            Console.WriteLine($"Seeded PostgreSQL in {seeding.Elapsed.TotalSeconds:0} s");
        }

        Task<HostProcess> StartOurs() => HostProcess.StartAsync(hostDll, [], environment, "/health/live");
        if (RunsPath("postgres"))
        {
            var compared = new Dictionary<string, object>();
            var ours = await MeasureAsync(StartOurs, seeded, Guid.NewGuid().ToString("N")[..6], huge: false, compared);
            var reference = await MeasureReferenceAsync(
                () => HostProcess.StartAsync(selfDll, ["reference-postgres", connection], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "/ping"),
                seeded);
            Compare(ours, reference, compared);
            compared["peakMemory"] = new { mb = Round(ours.MemoryMb), refMb = Round(reference.MemoryMb), ratio = Round(ours.MemoryMb / reference.MemoryMb) };
            results["postgres"] = compared;
        }

        if (RunsPath("twoInstances"))
        {
            results["twoInstances"] = await TwoInstancesAsync(StartOurs, seeded);
        }
    }

    /// <summary>
    /// The board's API and page read at 32 connections through one instance, then spread over two (each connection
    /// keeps to one instance, as a load balancer with sticky connections does). On PostgreSQL the hosts never keep
    /// reads (ADR 0018): every request runs its SQL. PostgreSQL, both hosts and the load generator share this machine's cores.
    /// </summary>
    private static async Task<object> TwoInstancesAsync(Func<Task<HostProcess>> start, Seeded seeded)
    {
        var api = $"/api/seasons/{seeded.Season}/applications?page=1&pageSize=50";
        var page = $"/applications/review/seasons/{seeded.Season}";
        using var first = await start();
        var oneApi = await ReadsAsync([first], api, bearer: true);
        var onePage = await ReadsAsync([first], page, bearer: false);
        using var second = await start();
        var twoApi = await ReadsAsync([first, second], api, bearer: true);
        var twoPage = await ReadsAsync([first, second], page, bearer: false);
        return new
        {
            cores = Environment.ProcessorCount,
            api = new { oneRps = Round(oneApi.Rps), oneP99Ms = Round(oneApi.P99Ms), twoRps = Round(twoApi.Rps), twoP99Ms = Round(twoApi.P99Ms), errors = oneApi.Errors + twoApi.Errors, ratio = Round(twoApi.Rps / oneApi.Rps) },
            page = new { oneRps = Round(onePage.Rps), oneP99Ms = Round(onePage.P99Ms), twoRps = Round(twoPage.Rps), twoP99Ms = Round(twoPage.P99Ms), errors = onePage.Errors + twoPage.Errors, ratio = Round(twoPage.Rps / onePage.Rps) },
        };
    }

    /// <summary>32 connections spread evenly over the instances, each signed in on its own instance (a token or a cookie).</summary>
    private static async Task<Measure> ReadsAsync(HostProcess[] hosts, string path, bool bearer)
    {
        var per = 32 / hosts.Length;
        var clients = new List<(HttpClient Client, string? Cookie)>();
        foreach (var host in hosts)
        {
            clients.Add(bearer
                ? (await SignInAsync(host.BaseAddress, AdminEmail, per), null)
                : (Load.Client(host.BaseAddress, per), await PageCookieAsync(host.BaseAddress, AdminEmail)));
        }

        try
        {
            return await Load.RunAsync(32, WarmUp, Duration, async i =>
            {
                var (client, cookie) = clients[i % clients.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                using var response = await client.SendAsync(request);
                return response.IsSuccessStatusCode;
            });
        }
        finally
        {
            clients.ForEach(c => c.Client.Dispose());
        }
    }

    private static async Task<bool> DatabaseExistsAsync(string server)
    {
        await using var admin = new NpgsqlConnection($"{server};Database=postgres");
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{PostgresDatabase}'", admin);
        return await exists.ExecuteScalarAsync() is not null;
    }

    private static async Task FreshDatabaseAsync(string server)
    {
        await using var admin = new NpgsqlConnection($"{server};Database=postgres");
        await admin.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", $"CREATE DATABASE {PostgresDatabase}" })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The messages and mails not yet handled, in every module's schema.</summary>
    private static Backlog PostgresBacklog(string connection)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        var tables = new List<(string Schema, string Table)>();
        using (var find = new NpgsqlCommand("SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('OutboxMessages', 'OutgoingMails')", db))
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        long messages = 0, mails = 0;
        foreach (var (schema, table) in tables)
        {
            var outbox = table == "OutboxMessages";
            using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{schema}\".\"{table}\" WHERE {(outbox ? "\"ProcessedAt\"" : "\"SentAt\"")} IS NULL", db);
            var waiting = (long)count.ExecuteScalar()!;
            messages += outbox ? waiting : 0;
            mails += outbox ? 0 : waiting;
        }

        return new Backlog(messages, mails);
    }
}
