using Incubator.BuildingBlocks.Persistence;
using Incubator.Impact.Domain;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Persistence;

internal abstract class ImpactDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string Module = "impact";

    public DbSet<ImpactProject> Projects => Set<ImpactProject>();

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();

    public DbSet<ImpactSettings> Settings => Set<ImpactSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImpactProject>(b =>
        {
            b.ToTable("Projects");
            b.HasKey(p => p.ProjectId);
            b.Property(p => p.ProjectId).ValueGeneratedNever();
            b.Property(p => p.ProjectName).HasMaxLength(200);
            b.Property(p => p.DepartmentCode).HasMaxLength(3);
            b.HasIndex(p => p.SeasonId);
            b.HasIndex(p => p.HolderUserId);
        });

        modelBuilder.Entity<Questionnaire>(b =>
        {
            b.ToTable("Questionnaires");
            b.HasKey(q => q.Id);
            b.Property(q => q.Id).ValueGeneratedNever();
            b.Property(q => q.Stage).HasMaxLength(10);
            b.Property(q => q.AnsweredByName).HasMaxLength(200);
            b.Property(q => q.Activity).HasConversion<string>().HasMaxLength(20);
            b.Property(q => q.LegalForm).HasConversion<string>().HasMaxLength(20);
            b.Property(q => q.LegalFormOther).HasMaxLength(Answers.LegalFormOtherMax);
            b.Property(q => q.TurnoverBand).HasConversion<string>().HasMaxLength(20);
            b.Property(q => q.JobsFte).HasPrecision(6, 2);
            b.Property(q => q.Communes).HasMaxLength(Answers.CommunesMax);
            b.Property(q => q.CustomAnswers).HasMaxLength(30000);
            b.Ignore(q => q.Status);
            b.Ignore(q => q.AnswerBy);
            b.Ignore(q => q.Custom);
            b.Ignore(q => q.Answers);
            b.HasIndex(q => new { q.ProjectId, q.Stage }).IsUnique();
            b.HasIndex(q => new { q.SeasonId, q.Stage });
            // The job reads the questionnaires still waiting for an answer.
            b.HasIndex(q => new { q.AnsweredAt, q.ClosedUnansweredAt });
        });

        modelBuilder.Entity<ImpactSettings>(b =>
        {
            b.ToTable("Settings");
            b.HasKey(s => s.ProgramId);
            b.Property(s => s.ProgramId).ValueGeneratedNever();
            b.Property(s => s.FollowUpMonths).HasMaxLength(40);
            b.Ignore(s => s.Months);
            b.Ignore(s => s.ActiveQuestions);
            b.OwnsMany(s => s.Questions, q =>
            {
                q.ToTable("ProgramQuestions");
                q.WithOwner().HasForeignKey("ProgramId");
                q.HasKey(x => x.Id);
                q.Property(x => x.Id).ValueGeneratedNever();
                q.Property(x => x.Text).HasMaxLength(ProgramQuestion.TextMax);
                q.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
            });
            b.Navigation(s => s.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ImpactSqliteDbContext(DbContextOptions<ImpactSqliteDbContext> options) : ImpactDbContext(options);

internal sealed class ImpactSqlServerDbContext(DbContextOptions<ImpactSqlServerDbContext> options) : ImpactDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ImpactPostgreSqlDbContext(DbContextOptions<ImpactPostgreSqlDbContext> options) : ImpactDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Module);
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class ImpactSqliteDesignFactory : SqliteDesignFactory<ImpactSqliteDbContext>;

internal sealed class ImpactSqlServerDesignFactory() : SqlServerDesignFactory<ImpactSqlServerDbContext>(ImpactDbContext.Module);

internal sealed class ImpactPostgreSqlDesignFactory() : PostgreSqlDesignFactory<ImpactPostgreSqlDbContext>(ImpactDbContext.Module);
