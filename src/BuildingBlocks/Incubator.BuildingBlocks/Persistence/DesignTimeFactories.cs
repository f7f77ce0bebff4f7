using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// For <c>dotnet ef</c> on a module's SQLite context: no host and no file needed. A module declares
/// <c>internal sealed class XSqliteDesignFactory : SqliteDesignFactory&lt;XSqliteDbContext&gt;;</c>.
/// </summary>
public abstract class SqliteDesignFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design.db").Options)!;
}

/// <summary>For <c>dotnet ef</c> on a module's SQL Server context: generating migrations needs no server.</summary>
public abstract class SqlServerDesignFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>()
            .UseSqlServer("Server=.;Database=Incubator;Trusted_Connection=True;TrustServerCertificate=True",
                x => x.MigrationsHistoryTable("__EFMigrationsHistory", module))
            .Options)!;
}

/// <summary>For <c>dotnet ef</c> on a module's PostgreSQL context: generating migrations needs no server.</summary>
public abstract class PostgreSqlDesignFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=incubator", x => x.MigrationsHistoryTable("__EFMigrationsHistory", module))
            .Options)!;
}
