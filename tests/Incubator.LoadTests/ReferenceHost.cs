using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.LoadTests;

/// <summary>A board line, as the reference reads it.</summary>
public sealed class BoardRow
{
    public Guid Id { get; set; }

    public string? ProjectName { get; set; }

    public string Status { get; set; } = string.Empty;

    public string? DepartmentCode { get; set; }

    public long? SubmittedAt { get; set; }

    public double? Score { get; set; }

    public int ReviewCount { get; set; }

    public string? ReviewLedger { get; set; }
}

public sealed record BoardPage(IReadOnlyList<BoardRow> Items, int Page, int PageSize, int Total);

public sealed record Rescore(Guid Id, double Score);

public sealed class InsertedRow
{
    public Guid Id { get; set; }

    public string ProjectName { get; set; } = string.Empty;

    public long CreatedAt { get; set; }
}

/// <summary>The applications file of the real host, read with the same EF Core and SQLite versions and settings.</summary>
public sealed class BoardDb(DbContextOptions<BoardDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<BoardRow>().HasNoKey().ToView(null);

    /// <summary>
    /// The review board's query: the count, then page 1 of 50 by the stored score (unscored last), on the real
    /// host's index, with the columns the board reads (its stored score, review count and review ledger).
    /// </summary>
    public async Task<BoardPage> PageAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var sql = Database.IsNpgsql() ? BoardSql.PostgreSql : BoardSql.Sqlite;
        var total = await Database.SqlQueryRaw<int>(sql.Count, seasonId).SingleAsync(cancellationToken);
        var items = await Set<BoardRow>().FromSqlRaw(sql.Page, seasonId).AsNoTracking().ToListAsync(cancellationToken);
        return new BoardPage(items, 1, 50, total);
    }

    /// <summary>The write of the mixed board: a review scored again changes its application's stored score (one durable UPDATE).</summary>
    public async Task<bool> RescoreAsync(Rescore rescore, CancellationToken cancellationToken)
    {
        var sql = Database.IsNpgsql() ? BoardSql.PostgreSql : BoardSql.Sqlite;
        return await Database.ExecuteSqlRawAsync(sql.Rescore, [rescore.Score, rescore.Id], cancellationToken) == 1;
    }
}

/// <summary>The reference's statements on each provider: on PostgreSQL the table is in the module's schema, the instant a timestamp (read as the ticks SQLite stores), and unscored applications sorted last as SQLite sorts them.</summary>
internal sealed record BoardSql(string Count, string Page, string Rescore)
{
    public static readonly BoardSql Sqlite = new(
        """SELECT COUNT(*) AS "Value" FROM "Applications" WHERE "SeasonId" = {0} AND "Status" <> 'Draft'""",
        """
        SELECT a."Id", a."ProjectName", a."Status", a."DepartmentCode", a."SubmittedAt", a."Score", a."ReviewCount", a."ReviewLedger"
        FROM "Applications" AS a
        WHERE a."SeasonId" = {0} AND a."Status" <> 'Draft'
        ORDER BY a."Score" DESC, a."SubmittedAt", a."Id"
        LIMIT 50 OFFSET 0
        """,
        """UPDATE "Applications" SET "Score" = {0} WHERE "Id" = {1}""");

    public static readonly BoardSql PostgreSql = new(
        """SELECT COUNT(*)::int AS "Value" FROM applications."Applications" WHERE "SeasonId" = {0} AND "Status" <> 'Draft'""",
        """
        SELECT a."Id", a."ProjectName", a."Status", a."DepartmentCode", (EXTRACT(EPOCH FROM a."SubmittedAt") * 10000000)::bigint + 621355968000000000 AS "SubmittedAt",
               a."Score", a."ReviewCount", a."ReviewLedger"
        FROM applications."Applications" AS a
        WHERE a."SeasonId" = {0} AND a."Status" <> 'Draft'
        ORDER BY a."Score" DESC NULLS LAST, a."SubmittedAt", a."Id"
        LIMIT 50 OFFSET 0
        """,
        """UPDATE applications."Applications" SET "Score" = {0} WHERE "Id" = {1}""");
}

/// <summary>One durable insert per request, in a file of its own.</summary>
public sealed class InsertDb(DbContextOptions<InsertDb> options) : DbContext(options)
{
    public DbSet<InsertedRow> Rows => Set<InsertedRow>();

    /// <summary>On PostgreSQL the table is in a schema of its own beside the real host's, created by hand (EnsureCreated sees their tables and does nothing).</summary>
    public async Task CreateAsync()
    {
        if (!Database.IsNpgsql())
        {
            await Database.EnsureCreatedAsync();
            await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return;
        }

        await Database.ExecuteSqlRawAsync("""
            CREATE SCHEMA IF NOT EXISTS reference;
            CREATE TABLE IF NOT EXISTS reference."Rows" ("Id" uuid PRIMARY KEY, "ProjectName" text NOT NULL, "CreatedAt" bigint NOT NULL);
            """);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsNpgsql())
        {
            modelBuilder.Entity<InsertedRow>().ToTable("Rows", "reference");
        }
    }
}

/// <summary>The same connection settings as the real host: wait for the write lock, and an answered write is on disk.</summary>
internal sealed class Pragmas : DbConnectionInterceptor
{
    private const string Sql = "PRAGMA busy_timeout=5000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The reference: a bare ASP.NET Core app over the same data, the physical limit of our stack on this machine.</summary>
public static class ReferenceHost
{
    /// <param name="data">The real host's data folder (SQLite), or with <paramref name="postgres"/> its connection string.</param>
    public static async Task RunAsync(string data, bool postgres = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var pragmas = new Pragmas();
        if (postgres)
        {
            builder.Services.AddDbContext<BoardDb>(o => o.UseNpgsql(data));
            builder.Services.AddDbContext<InsertDb>(o => o.UseNpgsql(data));
        }
        else
        {
            builder.Services.AddDbContext<BoardDb>(o => o.UseSqlite($"Data Source={Path.Combine(data, "applications.db")};Pooling=True").AddInterceptors(pragmas));
            builder.Services.AddDbContext<InsertDb>(o => o.UseSqlite($"Data Source={Path.Combine(data, "reference.db")};Pooling=True").AddInterceptors(pragmas));
        }

        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InsertDb>().CreateAsync();
        }

        app.MapGet("/ping", () => "pong");
        app.MapGet("/board", (Guid season, BoardDb db, CancellationToken ct) => db.PageAsync(season, ct));
        app.MapPost("/insert", async (InsertedRow row, InsertDb db, CancellationToken ct) =>
        {
            row.Id = Guid.NewGuid();
            row.CreatedAt = DateTimeOffset.UtcNow.UtcTicks;
            db.Rows.Add(row);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/insert/{row.Id}", new { row.Id });
        });
        app.MapPost("/rescore", async (Rescore rescore, BoardDb db, CancellationToken ct) => await db.RescoreAsync(rescore, ct) ? Results.Ok() : Results.NotFound());
        app.MapControllers();
        await app.RunAsync();
    }
}

/// <summary>The same page of the board rendered by a minimal Razor view.</summary>
public sealed class BoardPageController(BoardDb db) : Controller
{
    [HttpGet("/board/page")]
    public async Task<IActionResult> Index(Guid season) => View("~/Views/Board.cshtml", await db.PageAsync(season, HttpContext.RequestAborted));
}
