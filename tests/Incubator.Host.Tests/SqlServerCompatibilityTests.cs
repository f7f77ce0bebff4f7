using Incubator.Applications.Persistence;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Incubator.Host.Tests;

/// <summary>
/// SQL Server cannot run here; its support is checked without a server: the committed migrations
/// match the model for every provider (PostgreSQL's also run for real in the tests named ...OnPostgreSql),
/// and the idempotent script parses as T-SQL.
/// </summary>
public sealed class SqlServerCompatibilityTests
{
    /// <summary>Every design-time factory of the host and the modules: a new module's contexts are checked without being listed.</summary>
    private static readonly Dictionary<string, Type> Factories = ArchitectureTests.Modules.Append(typeof(Program).Assembly)
        .SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsGenericTypeDefinition)
        .Select(t => (Factory: t, Context: t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))?.GetGenericArguments()[0]))
        .Where(x => x.Context is not null)
        .ToDictionary(x => x.Context!.Name, x => x.Factory);

    internal static IEnumerable<string> ContextNames => Factories.Keys;

    public static TheoryData<string> Contexts => new(Factories.Keys.Order());

    public static TheoryData<string> SqlServerContexts => new(Factories.Keys.Where(k => k.Contains("SqlServer", StringComparison.Ordinal)).Order());

    internal static DbContext Create(string name)
    {
        var factory = Activator.CreateInstance(Factories[name], nonPublic: true)!;
        return (DbContext)factory.GetType().GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;
    }

    [Fact]
    public void Every_module_has_a_context_for_each_provider()
    {
        var sqlite = Factories.Keys.Count(k => k.Contains("Sqlite", StringComparison.Ordinal));
        Assert.Equal(sqlite, Factories.Keys.Count(k => k.Contains("SqlServer", StringComparison.Ordinal)));
        Assert.Equal(sqlite, Factories.Keys.Count(k => k.Contains("PostgreSql", StringComparison.Ordinal)));
        Assert.True(Factories.Count >= 3 * (ArchitectureTests.Modules.Length + 2), string.Join(", ", Factories.Keys));
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_committed_migrations_hold_every_change_of_the_model(string context)
    {
        using var db = Create(context);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{context}: the model has changes no migration holds; run build/migrations.sh add");
    }

    [Theory]
    [MemberData(nameof(SqlServerContexts))]
    public void The_idempotent_SQL_Server_script_parses_as_TSql(string context)
    {
        using var db = Create(context);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(script.Length > 500, "the script is suspiciously short");
        Assert.Contains("CREATE TABLE", script, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void The_main_Seasons_queries_translate_to_TSql_that_parses()
    {
        using var db = (SeasonsDbContext)Create(nameof(SeasonsSqlServerDbContext));
        var now = DateTimeOffset.UtcNow;
        var handled = new List<Guid> { Guid.NewGuid(), Guid.NewGuid() };
        var queries = new[]
        {
            db.Seasons.Where(s => s.Status != Seasons.Domain.SeasonStatus.Draft)
                .Join(db.Programs, s => s.ProgramId, p => p.Id, (s, p) => new { s.Id, s.Name, ProgramName = p.Name })
                .OrderBy(x => x.Name).ToQueryString(),
            db.OutboxMessages.Where(m => m.ProcessedAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now)
                .OrderBy(m => m.OccurredAt).Take(100).ToQueryString(),
            // The rows a batch marks handled in one statement (its ExecuteUpdate has the same WHERE).
            db.OutboxMessages.Where(m => handled.Contains(m.Id)).ToQueryString(),
            db.EligibleApplications.Where(e => e.SeasonId == Guid.Empty && !e.Withdrawn).OrderBy(e => e.ProjectName).ToQueryString(),
        };

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in queries)
        {
            parser.Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, sql + "\n" + string.Join("\n", errors.Select(e => e.Message)));
        }
    }
}

public sealed class SqlServerApplicationsQueryTests
{
    [Fact]
    public void The_review_board_query_translates_to_TSql_that_parses()
    {
        using var db = new ApplicationsSqlServerDesignFactory().CreateDbContext([]);
        var filter = new Incubator.Applications.Features.BoardFilter("Submitted", "26", true, "score", 1, 50);
        var rows = Incubator.Applications.Features.ReviewBoardHandlers.Query(db, Guid.NewGuid(), filter, Guid.NewGuid());
        var sql = Incubator.Applications.Features.ReviewBoardHandlers.Sorted(rows, "score", nullsSortHighest: false).Skip(0).Take(50).ToQueryString();

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Contains("OFFSET", sql, StringComparison.Ordinal);
        Assert.Contains("[ReviewLedger]", sql, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, sql + "\n" + string.Join("\n", errors.Select(e => e.Message)));
    }
}

public sealed class SqlServerFundingQueryTests
{
    [Fact]
    public void The_funder_report_queries_translate_to_TSql_that_parses()
    {
        using var db = new Incubator.Funding.Persistence.FundingSqlServerDesignFactory().CreateDbContext([]);
        var season = Guid.NewGuid();
        var queries = new[]
        {
            Incubator.Funding.Features.FunderReportQueries.ApplicationsByDepartment(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.Projects(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.AttendanceByProject(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.SessionsHeld(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.CoachingByProject(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.MilestonesByProject(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.Tranches(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.InformationMeetings(db, season).ToQueryString(),
            Incubator.Funding.Features.FunderReportQueries.PeopleTrained(db, season).ToQueryString(),
            Incubator.Funding.Features.OutcomeFigures.OfProgram(db, Guid.NewGuid()).ToQueryString(),
            Incubator.Funding.Features.TrackRecords.ProjectsBySeason(db, [season, Guid.NewGuid()]).ToQueryString(),
        };

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in queries)
        {
            parser.Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, sql + "\n" + string.Join("\n", errors.Select(e => e.Message)));
        }

        Assert.Contains("GROUP BY", queries[0], StringComparison.Ordinal);
    }
}
