using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>How the host writes its SQLite files (issue 9): durable settings on every connection, one writer at a time per file, seasons read once.</summary>
public sealed class SqliteWritesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public SqliteWritesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_many_connections_each_reading_a_large_file_When_they_stay_open_Then_SQLite_keeps_to_its_budget()
    {
        // The host starts with the default budget of 8 MB for all of SQLite's memory in the process.
        var options = _factory.Services.GetRequiredService<DatabaseOptions>();
        Assert.Equal(8, options.SqliteMemoryLimitMb);
        Assert.Equal(options.SqliteMemoryLimitMb * 1024L * 1024L, SqliteMemory.CurrentLimit());

        // A 12 MB file, read whole by 12 connections kept open: without a budget each keeps a cache of up to 2 MB.
        var file = Path.Combine(_factory.DataDirectory, $"budget-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file};Pooling=False";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var fill = setup.CreateCommand();
            fill.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO t SELECT i, randomblob(2000) FROM n;";
            await fill.ExecuteNonQueryAsync();
        }

        var before = SqliteMemory.Used();
        var readers = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                var reader = new SqliteConnection(connectionString);
                readers.Add(reader);
                await reader.OpenAsync();
                await using var read = reader.CreateCommand();
                read.CommandText = "SELECT sum(length(b)) FROM t";
                Assert.Equal(12_000_000L, (long)(await read.ExecuteScalarAsync())!);
            }

            var grown = SqliteMemory.Used() - before;
            Assert.True(grown < 10 * 1024 * 1024, $"SQLite's memory grew by {grown / 1024} kB for 12 open connections");
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Given_a_pooled_connection_opened_again_and_again_When_reading_its_settings_Then_every_open_is_durable_and_waits_for_the_lock()
    {
        for (var open = 0; open < 3; open++)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                Assert.Equal(2L, await PragmaAsync(connection, "synchronous")); // FULL
                Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
                Assert.Equal(30_000L, await PragmaAsync(connection, "busy_timeout"));
                Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [Fact]
    public async Task Given_a_transaction_disposed_without_commit_When_its_scope_ends_Then_the_next_writer_of_the_file_goes_ahead()
    {
        SqliteWriteGate gate;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
            gate = db.WriteGate!;
            await using (await db.Database.BeginTransactionAsync())
            {
                Assert.False(gate.IsFree); // the transaction holds the file's gate
            }
        }

        Assert.True(gate.IsFree);
        var lead = await _factory.AdminClientAsync();
        var response = await lead.PostAsJsonAsync("/api/programs", new { name = "Après la transaction", territory = "Diois", partnerStructures = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(gate.IsFree);
    }

    [Fact]
    public async Task Given_the_file_gate_held_When_a_save_of_one_statement_runs_Then_it_waits_for_the_gate()
    {
        for (var lease = 0; lease < 2; lease++) // the second scope takes the first one's context back from the pool
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
            var gate = db.WriteGate!;
            Task<int> save;
            Assert.True(await gate.EnterAsync(CancellationToken.None));
            try
            {
                // One INSERT, which EF Core alone would leave to SQLite's autocommit, outside any gate.
                db.InboxMessages.Add(new Incubator.BuildingBlocks.Messaging.InboxMessage(Guid.NewGuid(), "tests", DateTimeOffset.UtcNow));
                save = db.SaveChangesAsync();
                await Task.Delay(200);
                Assert.False(save.IsCompleted);
            }
            finally
            {
                gate.Leave();
            }

            Assert.Equal(1, await save);
            Assert.True(gate.IsFree);
        }
    }

    [Fact]
    public async Task Given_a_save_that_fails_When_its_scope_goes_on_Then_the_file_gate_is_free_already()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
        var messageId = Guid.NewGuid();
        db.InboxMessages.Add(new Incubator.BuildingBlocks.Messaging.InboxMessage(messageId, "tests", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.InboxMessages.Add(new Incubator.BuildingBlocks.Messaging.InboxMessage(messageId, "tests", DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        // The failed save's transaction is over: other writers of the file must not wait for this scope to end.
        Assert.True(db.WriteGate!.IsFree);
    }

    [Fact]
    public async Task Given_writers_at_once_on_one_file_When_they_save_Then_all_are_saved_and_the_gate_is_free_after()
    {
        var lead = await _factory.AdminClientAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            lead.PostAsJsonAsync("/api/programs", new { name = $"Programme {i}", territory = "Drôme", partnerStructures = Array.Empty<string>() })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
        Assert.Equal(16, await db.Programs.CountAsync(p => p.Name.StartsWith("Programme ")));
        Assert.True(db.WriteGate!.IsFree);
    }

    [Fact]
    public async Task Given_a_draft_written_while_the_call_is_open_When_the_lead_closes_the_call_Then_the_next_draft_is_refused_at_once()
    {
        var lead = await _factory.AdminClientAsync();
        var now = _factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(20));
        (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessStatusCode();
        var (applicant, _) = await _factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", new { projectName = "Avant" })).StatusCode);

        (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessStatusCode();
        var refused = await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", new { projectName = "Après" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // the season read a moment ago is not served after the lead's change
    }

    private static async Task<object?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Given_a_new_then_a_changed_aggregate_When_each_is_saved_Then_changes_are_detected_twice_per_save_and_the_version_still_moves()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeasonsDbContext>();
        var detections = 0;
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == CoreEventId.DetectChangesStarting.Name && e.Value is DbContextEventData data && ReferenceEquals(data.Context, db))
                    {
                        Interlocked.Increment(ref detections);
                    }
                }));
            }
        }));

        var program = Incubator.Seasons.Domain.AccompanimentProgram.Create("Détections", "Diois", [], DateTimeOffset.UtcNow);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        Assert.Equal(2, detections); // ours before the module's steps, EF Core's in its save
        var version = program.Version;

        detections = 0;
        program.Rename("Détections comptées", "Diois", ["Coopérative"]);
        await db.SaveChangesAsync();
        Assert.Equal(2, detections);
        Assert.NotEqual(version, program.Version);
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
