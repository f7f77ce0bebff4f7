using Incubator.BuildingBlocks.Persistence;
using Incubator.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Meetings.Persistence;

internal abstract class MeetingsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "meetings";

    public DbSet<InformationMeeting> InformationMeetings => Set<InformationMeeting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InformationMeeting>(b =>
        {
            b.ToTable("InformationMeetings");
            b.HasKey(m => m.Id);
            b.Property(m => m.Title).HasMaxLength(InformationMeeting.TitleMax);
            b.Property(m => m.Mode).HasConversion<string>().HasMaxLength(20);
            b.Property(m => m.PlaceName).HasMaxLength(200);
            b.Property(m => m.Address).HasMaxLength(300);
            b.Property(m => m.Town).HasMaxLength(100);
            b.Property(m => m.RemoteUrl).HasMaxLength(InformationMeeting.RemoteUrlMax);
            b.Property(m => m.Details).HasMaxLength(2000);
            b.OwnsMany(m => m.Registrations, r =>
            {
                r.ToTable("MeetingRegistrations");
                r.WithOwner().HasForeignKey("MeetingId");
                r.HasKey(x => x.Id);
                r.Property(x => x.Id).ValueGeneratedNever();
                r.Property(x => x.Name).HasMaxLength(200);
                r.Property(x => x.Email).HasMaxLength(256);
                r.Property(x => x.Town).HasMaxLength(100);
                r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
                r.Property(x => x.CancelToken).HasMaxLength(64);
                r.HasIndex(x => x.CancelToken).IsUnique();
                r.HasIndex(x => x.Email);
                r.Ignore(x => x.HasSeat);
            });
            b.Navigation(m => m.Registrations).HasField("_registrations").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(m => m.Seated);
            b.Ignore(m => m.Waiting);
            b.Ignore(m => m.SeatsLeft);
            b.Ignore(m => m.Location);
            b.Ignore(m => m.AttendedCount);
            b.HasIndex(m => new { m.SeasonId, m.StartsAt });
            b.HasIndex(m => m.StartsAt);
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MeetingsSqliteDbContext(DbContextOptions<MeetingsSqliteDbContext> options) : MeetingsDbContext(options);

internal sealed class MeetingsSqlServerDbContext(DbContextOptions<MeetingsSqlServerDbContext> options) : MeetingsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MeetingsPostgreSqlDbContext(DbContextOptions<MeetingsPostgreSqlDbContext> options) : MeetingsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class MeetingsSqliteDesignFactory : SqliteDesignFactory<MeetingsSqliteDbContext>;

internal sealed class MeetingsSqlServerDesignFactory() : SqlServerDesignFactory<MeetingsSqlServerDbContext>(MeetingsDbContext.Module);

internal sealed class MeetingsPostgreSqlDesignFactory() : PostgreSqlDesignFactory<MeetingsPostgreSqlDbContext>(MeetingsDbContext.Module);
