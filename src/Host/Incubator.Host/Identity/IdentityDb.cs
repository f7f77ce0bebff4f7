using Incubator.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Identity;

public sealed class IncubatorUser : IdentityUser<Guid>
{
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Users, roles and the Data Protection keys (shared by several instances).</summary>
internal abstract class IdentityDb(DbContextOptions options)
    : IdentityDbContext<IncubatorUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string Module = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>PostgreSQL takes instants in UTC only (lockout ends, creation dates); SQLite's are set below, column by column.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
        {
            ModuleDbContext.ConfigureInstants(configurationBuilder, Database);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IncubatorUser>().Property(u => u.DisplayName).HasMaxLength(200);
        if (Database.IsSqlite())
        {
            builder.Entity<IncubatorUser>().Property(u => u.CreatedAt)
                .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        }
    }
}

internal sealed class IdentitySqliteDb(DbContextOptions<IdentitySqliteDb> options) : IdentityDb(options);

internal sealed class IdentitySqlServerDb(DbContextOptions<IdentitySqlServerDb> options) : IdentityDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Module);
        base.OnModelCreating(builder);
    }
}

internal sealed class IdentityPostgreSqlDb(DbContextOptions<IdentityPostgreSqlDb> options) : IdentityDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Module);
        base.OnModelCreating(builder);
    }
}

internal sealed class IdentitySqliteDesignFactory : SqliteDesignFactory<IdentitySqliteDb>;

internal sealed class IdentitySqlServerDesignFactory() : SqlServerDesignFactory<IdentitySqlServerDb>(IdentityDb.Module);

internal sealed class IdentityPostgreSqlDesignFactory() : PostgreSqlDesignFactory<IdentityPostgreSqlDb>(IdentityDb.Module);
