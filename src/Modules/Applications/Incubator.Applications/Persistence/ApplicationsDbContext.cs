using System.Text.Json;
using Incubator.Applications.Domain;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Incubator.Applications.Persistence;

internal abstract class ApplicationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "applications";

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Rubric> Rubrics => Set<Rubric>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewerTally> ReviewerTallies => Set<ReviewerTally>();

    public DbSet<InterviewSlot> InterviewSlots => Set<InterviewSlot>();

    public DbSet<Interview> Interviews => Set<Interview>();

    public DbSet<JuryMember> JuryMembers => Set<JuryMember>();

    public DbSet<InterviewNote> InterviewNotes => Set<InterviewNote>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

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
            b.Property(a => a.AttachmentName).HasMaxLength(200);
            b.Property(a => a.AttachmentStoredName).HasMaxLength(32);
            b.OwnsMany(a => a.Team, t => t.ToJson());
            b.HasIndex(a => new { a.SeasonId, a.Status });

            // The review board's order: page 1 is read from the index, without sorting the season.
            b.HasIndex(a => new { a.SeasonId, a.Score, a.SubmittedAt, a.Id }).IsDescending(false, true, false, false);
            b.HasIndex(a => a.ApplicantUserId);
        });

        modelBuilder.Entity<Rubric>(b =>
        {
            b.ToTable("Rubrics");
            b.HasKey(r => r.SeasonId);
            b.Property(r => r.SeasonId).ValueGeneratedNever();
            b.OwnsMany(r => r.Criteria, c => c.ToJson());
            b.PrimitiveCollection(r => r.ReviewerUserIds);
        });

        modelBuilder.Entity<Review>(b =>
        {
            b.ToTable("Reviews");
            b.HasKey(r => r.Id);
            b.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Comment).HasMaxLength(4000);
            b.Property(r => r.Scores).HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                    v => new Dictionary<string, int>(v)));
            b.HasIndex(r => new { r.ApplicationId, r.ReviewerUserId }).IsUnique();
            b.HasIndex(r => new { r.SeasonId, r.ReviewerUserId });
            b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReviewerTally>(b =>
        {
            b.ToTable("ReviewerTallies");
            b.HasKey(t => new { t.SeasonId, t.ReviewerUserId });
        });

        modelBuilder.Entity<InterviewSlot>(b =>
        {
            b.ToTable("InterviewSlots");
            b.HasKey(x => x.Id);
            b.Property(x => x.Place).HasMaxLength(300);
            b.Property(x => x.RemoteUrl).HasMaxLength(500);
            b.Ignore(x => x.Where);
            b.HasIndex(x => new { x.SeasonId, x.StartsAt });
        });

        modelBuilder.Entity<Interview>(b =>
        {
            b.ToTable("Interviews");
            b.HasKey(x => x.Id);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Message).HasMaxLength(Interview.MessageMax);

            // One interview per application, one application per slot: the database decides between two at once.
            b.HasIndex(x => x.ApplicationId).IsUnique();
            b.HasIndex(x => x.SlotId).IsUnique(); // EF Core filters out NULL on SQL Server: many may be choosing at once
            b.HasIndex(x => x.SeasonId);
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<InterviewSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<JuryMember>(b =>
        {
            b.ToTable("JuryMembers");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Organisation).HasMaxLength(200);
            b.HasIndex(x => new { x.SeasonId, x.UserId });
        });

        modelBuilder.Entity<InterviewNote>(b =>
        {
            b.ToTable("InterviewNotes");
            b.HasKey(x => x.Id);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Recommendation).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Notes).HasMaxLength(InterviewNote.NotesMax);
            b.HasIndex(x => new { x.ApplicationId, x.JuryUserId }).IsUnique();
            b.HasIndex(x => new { x.SeasonId, x.JuryUserId });
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProjectMember>(b =>
        {
            b.ToTable("ProjectMembers");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Email).HasMaxLength(256);
            b.Property(x => x.Token).HasMaxLength(32);
            b.HasIndex(x => new { x.ApplicationId, x.Email }).IsUnique();
            b.HasIndex(x => x.Token).IsUnique();
            b.HasIndex(x => x.UserId);
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
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

internal sealed class ApplicationsPostgreSqlDbContext(DbContextOptions<ApplicationsPostgreSqlDbContext> options) : ApplicationsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ApplicationsSqliteDesignFactory : SqliteDesignFactory<ApplicationsSqliteDbContext>;

internal sealed class ApplicationsSqlServerDesignFactory() : SqlServerDesignFactory<ApplicationsSqlServerDbContext>(ApplicationsDbContext.Module);

internal sealed class ApplicationsPostgreSqlDesignFactory() : PostgreSqlDesignFactory<ApplicationsPostgreSqlDbContext>(ApplicationsDbContext.Module);
