using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Funding.Domain;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Persistence;

internal abstract class FundingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "funding";

    public DbSet<Funder> Funders => Set<Funder>();

    public DbSet<FundingAgreement> Agreements => Set<FundingAgreement>();

    public DbSet<ReportApplication> Applications => Set<ReportApplication>();

    public DbSet<ReportProject> Projects => Set<ReportProject>();

    public DbSet<ReportInformationMeeting> InformationMeetings => Set<ReportInformationMeeting>();

    public DbSet<ReportQuestionnaire> Questionnaires => Set<ReportQuestionnaire>();

    public DbSet<ReportTrainingSheet> TrainingSheets => Set<ReportTrainingSheet>();

    public DbSet<ReportAttendance> Attendance => Set<ReportAttendance>();

    public DbSet<ReportCoachingSession> CoachingSessions => Set<ReportCoachingSession>();

    public DbSet<ReportMilestone> Milestones => Set<ReportMilestone>();

    public DbSet<ReportSnapshot> Snapshots => Set<ReportSnapshot>();

    public DbSet<ReportStamp> ReportStamps => Set<ReportStamp>();

    /// <summary>
    /// Any save that changes what a funder report reads (the read model, funders, agreements) gives the
    /// report stamp a new value in the same transaction: a cached report is good while the stamp is the one
    /// it was computed under, whichever process changed the data.
    /// </summary>
    protected override void BeforeSave()
    {
        var changed = ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not (OutboxMessage or InboxMessage or ReportSnapshot or ReportStamp));
        if (changed && ChangeTracker.Entries<ReportStamp>().FirstOrDefault() is null)
        {
            var stamp = new ReportStamp { Id = ReportStamp.TheOne, Value = Guid.NewGuid() };
            ReportStamps.Attach(stamp).Property(s => s.Value).IsModified = true;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Funder>(b =>
        {
            b.ToTable("Funders");
            b.HasKey(f => f.Id);
            b.Property(f => f.Name).HasMaxLength(200);
            b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
            b.OwnsMany(f => f.Contacts, c => c.ToJson());
        });

        modelBuilder.Entity<FundingAgreement>(b =>
        {
            b.ToTable("Agreements");
            b.HasKey(a => a.Id);
            b.Property(a => a.Amount).HasPrecision(14, 2);
            b.Property(a => a.Reference).HasMaxLength(100);
            b.OwnsMany(a => a.Tranches, t =>
            {
                t.ToTable("Tranches");
                t.WithOwner().HasForeignKey("AgreementId");
                t.HasKey("AgreementId", nameof(Tranche.Index));
                t.Property(x => x.Index).ValueGeneratedNever();
                t.Property(x => x.Amount).HasPrecision(14, 2);
                t.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            });
            b.OwnsMany(a => a.Reports, r =>
            {
                r.ToTable("ReportDeadlines");
                r.WithOwner().HasForeignKey("AgreementId");
                r.HasKey("AgreementId", nameof(ReportDeadline.Index));
                r.Property(x => x.Index).ValueGeneratedNever();
                r.Property(x => x.Label).HasMaxLength(200);
            });
            b.Navigation(a => a.Tranches).HasField("_tranches").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(a => a.Reports).HasField("_reports").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(a => a.Received);
            b.HasIndex(a => a.SeasonId);
            b.HasIndex(a => a.FunderId);
        });

        modelBuilder.Entity<ReportApplication>(b =>
        {
            b.ToTable("ReportApplications");
            b.HasKey(x => x.ApplicationId);
            b.Property(x => x.ApplicationId).ValueGeneratedNever();
            b.Property(x => x.DepartmentCode).HasMaxLength(3);
            b.HasIndex(x => new { x.SeasonId, x.DepartmentCode });
        });

        modelBuilder.Entity<ReportProject>(b =>
        {
            b.ToTable("ReportProjects");
            b.HasKey(x => x.ProjectId);
            b.Property(x => x.ProjectId).ValueGeneratedNever();
            b.Property(x => x.ProjectName).HasMaxLength(200);
            b.Property(x => x.DepartmentCode).HasMaxLength(3);
            b.HasIndex(x => x.SeasonId);
        });

        modelBuilder.Entity<ReportInformationMeeting>(b =>
        {
            b.ToTable("ReportInformationMeetings");
            b.HasKey(x => x.MeetingId);
            b.Property(x => x.MeetingId).ValueGeneratedNever();
            b.HasIndex(x => x.SeasonId);
        });

        modelBuilder.Entity<ReportQuestionnaire>(b =>
        {
            b.ToTable("ReportQuestionnaires");
            b.HasKey(x => x.QuestionnaireId);
            b.Property(x => x.QuestionnaireId).ValueGeneratedNever();
            b.Property(x => x.Stage).HasMaxLength(10);
            b.Property(x => x.Status).HasMaxLength(12);
            b.Property(x => x.Activity).HasMaxLength(20);
            b.Property(x => x.LegalForm).HasMaxLength(20);
            b.Property(x => x.JobsFte).HasPrecision(6, 2);
            b.HasIndex(x => x.SeasonId);
            b.HasIndex(x => x.ProgramId);
        });

        modelBuilder.Entity<ReportTrainingSheet>(b =>
        {
            b.ToTable("ReportTrainingSheets");
            b.HasKey(x => x.SessionId);
            b.Property(x => x.SessionId).ValueGeneratedNever();
            b.HasIndex(x => x.SeasonId);
        });

        modelBuilder.Entity<ReportAttendance>(b =>
        {
            b.ToTable("ReportAttendance");
            b.HasKey(x => x.Id);
            b.Property(x => x.PersonKey).HasMaxLength(32);
            b.HasIndex(x => new { x.SeasonId, x.ProjectId });
            b.HasIndex(x => x.SessionId);
        });

        modelBuilder.Entity<ReportCoachingSession>(b =>
        {
            b.ToTable("ReportCoachingSessions");
            b.HasKey(x => x.SessionId);
            b.Property(x => x.SessionId).ValueGeneratedNever();
            b.HasIndex(x => new { x.SeasonId, x.ProjectId });
        });

        modelBuilder.Entity<ReportMilestone>(b =>
        {
            b.ToTable("ReportMilestones");
            b.HasKey(x => new { x.ProjectId, x.Key });
            b.Property(x => x.Key).HasMaxLength(50);
            b.HasIndex(x => x.SeasonId);
        });

        modelBuilder.Entity<ReportSnapshot>(b =>
        {
            b.ToTable("ReportSnapshots");
            b.HasKey(x => x.Id);
            b.Property(x => x.Label).HasMaxLength(200);
            b.HasIndex(x => new { x.SeasonId, x.ApprovedAt });
        });

        modelBuilder.Entity<ReportStamp>(b =>
        {
            b.ToTable("ReportStamps");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasData(new ReportStamp { Id = ReportStamp.TheOne, Value = Guid.Empty });
        });

        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>One row whose value changes with every change of what the funder report reads.</summary>
internal sealed class ReportStamp
{
    public const int TheOne = 1;

    public int Id { get; set; }

    public Guid Value { get; set; }
}

internal sealed class FundingSqliteDbContext(DbContextOptions<FundingSqliteDbContext> options) : FundingDbContext(options);

internal sealed class FundingSqlServerDbContext(DbContextOptions<FundingSqlServerDbContext> options) : FundingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class FundingPostgreSqlDbContext(DbContextOptions<FundingPostgreSqlDbContext> options) : FundingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class FundingSqliteDesignFactory : SqliteDesignFactory<FundingSqliteDbContext>;

internal sealed class FundingSqlServerDesignFactory() : SqlServerDesignFactory<FundingSqlServerDbContext>(FundingDbContext.Module);

internal sealed class FundingPostgreSqlDesignFactory() : PostgreSqlDesignFactory<FundingPostgreSqlDbContext>(FundingDbContext.Module);
