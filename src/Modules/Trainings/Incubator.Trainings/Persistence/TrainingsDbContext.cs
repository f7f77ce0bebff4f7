using Incubator.BuildingBlocks.Persistence;
using Incubator.Trainings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Trainings.Persistence;

internal abstract class TrainingsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "trainings";

    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<Venue> Venues => Set<Venue>();

    public DbSet<Trainer> Trainers => Set<Trainer>();

    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TrainingSession>(b =>
        {
            b.ToTable("Sessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Title).HasMaxLength(TrainingSession.TitleMax);
            b.Property(s => s.Topic).HasMaxLength(2000);
            b.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.RemoteUrl).HasMaxLength(TrainingSession.RemoteUrlMax);
            b.Property(s => s.ChangeReason).HasMaxLength(TrainingSession.ReasonMax);
            b.OwnsOne(s => s.Place, p =>
            {
                p.Property(x => x.Name).HasColumnName("VenueName").HasMaxLength(200);
                p.Property(x => x.Address).HasColumnName("VenueAddress").HasMaxLength(300);
                p.Property(x => x.Town).HasColumnName("VenueTown").HasMaxLength(100);
            });
            b.OwnsOne(s => s.Trainer, t =>
            {
                t.Property(x => x.Name).HasColumnName("TrainerName").HasMaxLength(200);
                t.Property(x => x.Organisation).HasColumnName("TrainerOrganisation").HasMaxLength(200);
            });
            b.OwnsMany(s => s.Enrolments, e =>
            {
                e.ToTable("Enrolments");
                e.WithOwner().HasForeignKey("SessionId");
                e.HasKey("SessionId", nameof(Enrolment.ProjectId));
                e.Property(x => x.ProjectName).HasMaxLength(200);
                e.HasIndex(x => x.ApplicantUserId);
            });
            b.OwnsMany(s => s.Attendance, a =>
            {
                a.ToTable("AttendanceLines");
                a.WithOwner().HasForeignKey("SessionId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.ParticipantName).HasMaxLength(200);
                a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
                a.Property(x => x.Hours).HasPrecision(5, 2);
                a.Ignore(x => x.Attended);
            });
            b.Navigation(s => s.Enrolments).HasField("_enrolments").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(s => s.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(s => s.DurationHours);
            b.Ignore(s => s.AttendanceRate);
            b.Ignore(s => s.Held);
            b.Ignore(s => s.Location);
            b.Ignore(s => s.Cancelled);
            b.HasIndex(s => new { s.SeasonId, s.StartsAt });
            b.HasIndex(s => s.StartsAt);
        });

        modelBuilder.Entity<Venue>(b =>
        {
            b.ToTable("Venues");
            b.HasKey(v => v.Id);
            b.Property(v => v.Name).HasMaxLength(200);
            b.Property(v => v.Address).HasMaxLength(300);
            b.Property(v => v.Town).HasMaxLength(100);
            b.Property(v => v.AccessibilityNotes).HasMaxLength(2000);
        });

        modelBuilder.Entity<Trainer>(b =>
        {
            b.ToTable("Trainers");
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.Organisation).HasMaxLength(200);
        });

        modelBuilder.Entity<CohortMember>(b =>
        {
            b.ToTable("CohortMembers");
            b.HasKey(m => m.ProjectId);
            b.Property(m => m.ProjectId).ValueGeneratedNever();
            b.Property(m => m.ProjectName).HasMaxLength(200);
            b.Property(m => m.DepartmentCode).HasMaxLength(3);
            b.HasIndex(m => m.SeasonId);
            b.HasIndex(m => m.ApplicantUserId);
        });

        modelBuilder.Entity<CalendarFeed>(b =>
        {
            b.ToTable("CalendarFeeds");
            b.HasKey(f => f.UserId);
            b.Property(f => f.UserId).ValueGeneratedNever();
            b.Property(f => f.Token).HasMaxLength(64);
            b.HasIndex(f => f.Token).IsUnique();
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class TrainingsSqliteDbContext(DbContextOptions<TrainingsSqliteDbContext> options) : TrainingsDbContext(options);

internal sealed class TrainingsSqlServerDbContext(DbContextOptions<TrainingsSqlServerDbContext> options) : TrainingsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class TrainingsPostgreSqlDbContext(DbContextOptions<TrainingsPostgreSqlDbContext> options) : TrainingsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class TrainingsSqliteDesignFactory : SqliteDesignFactory<TrainingsSqliteDbContext>;

internal sealed class TrainingsSqlServerDesignFactory() : SqlServerDesignFactory<TrainingsSqlServerDbContext>(TrainingsDbContext.Module);

internal sealed class TrainingsPostgreSqlDesignFactory() : PostgreSqlDesignFactory<TrainingsPostgreSqlDbContext>(TrainingsDbContext.Module);
