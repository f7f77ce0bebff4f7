using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Impact.Contracts;
using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using Incubator.Seasons.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Incubator.Impact.Jobs;

/// <summary>
/// Every hour: opens each questionnaire on its date (entry: the day the cohort is approved; exit: the season's last day;
/// then the program's months after it), with a mail to the project's holder and members; reminds after 7 and 21 days;
/// counts it unanswered after 60. Each step is written with its mail in one transaction, and a second run finds it done:
/// opening is guarded by the unique (project, stage) index, the rest by the questionnaire's version. A stage whose 60
/// days passed before it could be opened (the job was stopped, the project joined late) is not opened.
/// </summary>
internal sealed partial class QuestionnairesJob(ImpactDbContext db, ISeasonDirectory seasons, IProjectTeam team, TimeProvider time, ILogger<QuestionnairesJob> logger) : IScheduledJob
{
    public const string JobId = "impact:questionnaires";

    public string Id => JobId;

    public string Cron => "0 10 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await OpenDueAsync(cancellationToken);
        await RemindAndCloseAsync(cancellationToken);
    }

    private async Task OpenDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ParisTime.Today(time);
        var projects = await db.Projects.AsNoTracking().Where(p => p.AnonymisedAt == null).ToListAsync(cancellationToken);
        var opened = (await db.Questionnaires.AsNoTracking().Select(q => new { q.ProjectId, q.Stage }).ToListAsync(cancellationToken))
            .Select(q => (q.ProjectId, q.Stage)).ToHashSet();
        var settings = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.ProgramId, cancellationToken);
        var due = new List<(ImpactProject Project, Guid ProgramId, string Stage, DateOnly On)>();
        foreach (var season in projects.GroupBy(p => p.SeasonId))
        {
            if (await seasons.FindAsync(season.Key, cancellationToken) is not { } summary)
            {
                continue;
            }

            var months = settings.GetValueOrDefault(summary.ProgramId)?.Months ?? ImpactSettings.DefaultFollowUpMonths;
            foreach (var project in season)
            {
                var schedule = new[] { (Stages.Entry, DateOnly.FromDateTime(ParisTime.ToLocal(project.JoinedAt))), (Stages.Exit, summary.EndsOn) }
                    .Concat(months.Select(m => (Stages.FollowUp(m), summary.EndsOn.AddMonths(m))));
                due.AddRange(schedule
                    .Where(s => s.Item2 <= today && today < s.Item2.AddDays(Questionnaire.AnswerWindowDays) && !opened.Contains((project.ProjectId, s.Item1)))
                    .Select(s => (project, summary.ProgramId, s.Item1, s.Item2)));
            }
        }

        var recipients = await RecipientsAsync(due.Select(d => d.Project).DistinctBy(p => p.ProjectId).ToList(), cancellationToken);
        foreach (var (project, programId, stage, on) in due)
        {
            db.Questionnaires.Add(Questionnaire.Open(project, programId, stage, on, recipients[project.ProjectId], now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                LogOpenedElsewhere(logger, project.ProjectId, stage);
            }

            db.ChangeTracker.Clear();
        }
    }

    private async Task RemindAndCloseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = await db.Questionnaires.AsNoTracking()
            .Where(q => q.AnsweredAt == null && q.ClosedUnansweredAt == null)
            .ToListAsync(cancellationToken);
        var owed = waiting.Where(q => q.Due(now) is not null).ToList();
        var ids = owed.Select(q => q.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, cancellationToken);
        var recipients = await RecipientsAsync(projects.Values.ToList(), cancellationToken);
        foreach (var id in owed.Select(q => q.Id))
        {
            var questionnaire = await db.Questionnaires.FirstAsync(q => q.Id == id, cancellationToken);
            var step = questionnaire.Due(now);
            if (step == "Close")
            {
                questionnaire.CloseUnanswered(now);
            }
            else if (step is not null && projects.TryGetValue(questionnaire.ProjectId, out var project))
            {
                questionnaire.Remind(step, project.ProjectName, recipients[project.ProjectId], now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                LogChanged(logger, id); // answered (or reminded by another run) meanwhile: the next run sees it as it is
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The holder and the members who joined each project.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<Guid>>> RecipientsAsync(IReadOnlyList<ImpactProject> projects, CancellationToken cancellationToken)
    {
        var members = (await team.MembersOfAsync(projects.Select(p => p.ProjectId).ToList(), cancellationToken)).ToLookup(m => m.ProjectId, m => m.UserId);
        return projects.ToDictionary(p => p.ProjectId, p => (IReadOnlyList<Guid>)members[p.ProjectId].Prepend(p.HolderUserId).Distinct().ToList());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Stage} questionnaire of project {ProjectId} was opened by another run.")]
    private static partial void LogOpenedElsewhere(ILogger logger, Guid projectId, string stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "The questionnaire {QuestionnaireId} changed while the job wrote to it; the next run looks again.")]
    private static partial void LogChanged(ILogger logger, Guid questionnaireId);
}
