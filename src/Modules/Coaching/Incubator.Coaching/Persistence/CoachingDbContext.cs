using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Persistence;

internal abstract class CoachingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "coaching";

    public DbSet<CoachingPair> Pairs => Set<CoachingPair>();

    public DbSet<CoachedProject> Projects => Set<CoachedProject>();

    public DbSet<PairDigest> PairDigests => Set<PairDigest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CoachingPair>(b =>
        {
            b.ToTable("CoachingPairs");
            b.HasKey(p => p.Id);
            b.HasIndex(p => p.SeasonId);
        });

        modelBuilder.Entity<CoachedProject>(b =>
        {
            b.ToTable("Projects");
            b.HasKey(p => p.ProjectId);
            b.Property(p => p.ProjectId).ValueGeneratedNever();
            b.Property(p => p.ProjectName).HasMaxLength(200);
            b.Property(p => p.DepartmentCode).HasMaxLength(3);
            b.Property(p => p.Health).HasConversion<string>().HasMaxLength(20);
            b.Property(p => p.HealthReason).HasMaxLength(500);
            b.OwnsMany(p => p.Milestones, m =>
            {
                m.ToJson();
                m.Property(x => x.Status).HasConversion<string>();
            });
            b.OwnsMany(p => p.Sessions, s =>
            {
                s.ToTable("Sessions");
                s.WithOwner().HasForeignKey("ProjectId");
                s.HasKey(x => x.Id);
                s.Property(x => x.Id).ValueGeneratedNever();
                s.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
                s.PrimitiveCollection(x => x.CoachesPresent);
                s.Property(x => x.PrivateNotes).HasMaxLength(8000);
                s.Property(x => x.Decisions).HasMaxLength(8000);
                s.Property(x => x.NextSteps).HasMaxLength(8000);
            });
            b.Navigation(p => p.Sessions).HasField("_sessions").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(p => p.MilestonesDone);
            b.HasIndex(p => new { p.SeasonId, p.PairId });
        });

        modelBuilder.Entity<PairDigest>(b =>
        {
            b.ToTable("PairDigests");
            b.HasKey(d => new { d.PairId, d.WeekOf });
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CoachingSqliteDbContext(DbContextOptions<CoachingSqliteDbContext> options) : CoachingDbContext(options);

internal sealed class CoachingSqlServerDbContext(DbContextOptions<CoachingSqlServerDbContext> options) : CoachingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CoachingPostgreSqlDbContext(DbContextOptions<CoachingPostgreSqlDbContext> options) : CoachingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class CoachingSqliteDesignFactory : SqliteDesignFactory<CoachingSqliteDbContext>;

internal sealed class CoachingSqlServerDesignFactory() : SqlServerDesignFactory<CoachingSqlServerDbContext>(CoachingDbContext.Module);

internal sealed class CoachingPostgreSqlDesignFactory() : PostgreSqlDesignFactory<CoachingPostgreSqlDbContext>(CoachingDbContext.Module);
