using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Domain;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Persistence;

internal abstract class SeasonsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "seasons";

    public DbSet<AccompanimentProgram> Programs => Set<AccompanimentProgram>();

    public DbSet<Season> Seasons => Set<Season>();

    public DbSet<EligibleApplication> EligibleApplications => Set<EligibleApplication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccompanimentProgram>(b =>
        {
            b.ToTable("Programs");
            b.HasKey(p => p.Id);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Territory).HasMaxLength(200);
            b.PrimitiveCollection(p => p.PartnerStructures);
        });

        modelBuilder.Entity<Season>(b =>
        {
            b.ToTable("Seasons");
            b.HasKey(s => s.Id);
            b.Property(s => s.Name).HasMaxLength(200);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(s => s.CohortStatus).HasConversion<string>().HasMaxLength(30);
            b.HasOne<AccompanimentProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => s.ProgramId);
            b.HasIndex(s => s.Status);
            b.Ignore(s => s.Capacity);
            b.OwnsMany(s => s.CohortMembers, m =>
            {
                m.ToTable("CohortMembers");
                m.WithOwner().HasForeignKey("SeasonId");
                m.Property<int>("Id");
                m.HasKey("Id");
                m.Property(x => x.ProjectName).HasMaxLength(200);
                m.Property(x => x.DepartmentCode).HasMaxLength(3);
            });
            b.Navigation(s => s.CohortMembers).HasField("_cohortMembers").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<EligibleApplication>(b =>
        {
            b.ToTable("EligibleApplications");
            b.HasKey(e => e.ApplicationId);
            b.Property(e => e.ApplicationId).ValueGeneratedNever();
            b.Property(e => e.ProjectName).HasMaxLength(200);
            b.Property(e => e.DepartmentCode).HasMaxLength(3);
            b.Property(e => e.Decision).HasConversion<string>().HasMaxLength(30);
            b.Ignore(e => e.MayJoinCohort);
            b.HasIndex(e => e.SeasonId);
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SeasonsSqliteDbContext(DbContextOptions<SeasonsSqliteDbContext> options) : SeasonsDbContext(options);

internal sealed class SeasonsSqlServerDbContext(DbContextOptions<SeasonsSqlServerDbContext> options) : SeasonsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SeasonsPostgreSqlDbContext(DbContextOptions<SeasonsPostgreSqlDbContext> options) : SeasonsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class SeasonsSqliteDesignFactory : SqliteDesignFactory<SeasonsSqliteDbContext>;

internal sealed class SeasonsSqlServerDesignFactory() : SqlServerDesignFactory<SeasonsSqlServerDbContext>(SeasonsDbContext.Module);

internal sealed class SeasonsPostgreSqlDesignFactory() : PostgreSqlDesignFactory<SeasonsPostgreSqlDbContext>(SeasonsDbContext.Module);
