using Incubator.Applications.Domain;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Incubator.Applications.Persistence;

internal abstract class ApplicationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "applications";

    public DbSet<Application> Applications => Set<Application>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Application>(b =>
        {
            b.ToTable("Applications");
            b.HasKey(a => a.Id);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(a => a.ProjectName).HasMaxLength(200);
            b.Property(a => a.Summary).HasMaxLength(Application.LongTextMax);
            b.Property(a => a.SocialNeed).HasMaxLength(Application.LongTextMax);
            b.Property(a => a.Commune).HasMaxLength(200);
            b.Property(a => a.DepartmentCode).HasMaxLength(3);
            b.Property(a => a.CollectiveDimension).HasMaxLength(Application.LongTextMax);
            b.Property(a => a.EconomicModel).HasMaxLength(Application.LongTextMax);
            b.Property(a => a.DecisionReason).HasMaxLength(2000);
            b.OwnsMany(a => a.Team, t => t.ToJson());
            b.HasIndex(a => new { a.SeasonId, a.Status });
            b.HasIndex(a => a.ApplicantUserId);
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ApplicationsSqliteDbContext(DbContextOptions<ApplicationsSqliteDbContext> options) : ApplicationsDbContext(options);

internal sealed class ApplicationsSqlServerDbContext(DbContextOptions<ApplicationsSqlServerDbContext> options) : ApplicationsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ApplicationsSqliteDesignFactory : IDesignTimeDbContextFactory<ApplicationsSqliteDbContext>
{
    public ApplicationsSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsSqliteDbContext>().UseSqlite("Data Source=applications.db").Options);
}

internal sealed class ApplicationsSqlServerDesignFactory : IDesignTimeDbContextFactory<ApplicationsSqlServerDbContext>
{
    public ApplicationsSqlServerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsSqlServerDbContext>()
            .UseSqlServer("Server=.;Database=Incubator;Trusted_Connection=True;TrustServerCertificate=True",
                x => x.MigrationsHistoryTable("__EFMigrationsHistory", ApplicationsDbContext.Module))
            .Options);
}
