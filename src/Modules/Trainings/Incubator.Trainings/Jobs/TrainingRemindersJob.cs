using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Jobs;
using Incubator.Trainings.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Features;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Incubator.Trainings.Jobs;

/// <summary>
/// Seven days and one day before each session, one reminder per enrolled project with the invitation attached.
/// "Sent" is a column of the enrolment written in the same transaction as the outgoing event: a rerun sends
/// nothing twice, and two runs at once collide on the session's version and only one of them saves. A moved session's
/// reminders start again for its new date; a cancelled one has none.
/// </summary>
internal sealed partial class TrainingRemindersJob(TrainingsDbContext db, TimeProvider time, IProjectTeam team, ILogger<TrainingRemindersJob> logger) : IScheduledJob
{
    public string Id => "trainings:reminders";

    public string Cron => "0 */15 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(7);
        var ids = await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt <= horizon)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var session = await db.Sessions.AsSplitQuery().FirstAsync(s => s.Id == id, cancellationToken);
            if (session.Cancelled || session.StartsAt <= now || session.StartsAt > horizon)
            {
                continue; // cancelled or moved since the list was read
            }

            var due = session.Enrolments.Select(e => (Enrolment: e, Days: e.DueReminder(session.StartsAt, now))).Where(x => x.Days is not null).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var invitation = TrainingCalendar.Write(session.Title, [session], now);
            var days = due.ToDictionary(x => x.Enrolment, x => x.Days!.Value);
            // One reminder per person: the project's holder and each member who joined it, marked sent on the enrolment.
            foreach (var (enrolment, userId) in await Participants.OfAsync(team, [.. days.Keys], cancellationToken))
            {
                db.AddToOutbox(new TrainingReminderDue(session.Id, session.SeasonId, days[enrolment], enrolment.ProjectId, enrolment.ProjectName, userId,
                    session.Title, session.StartsAt, session.EndsAt, session.Location, session.Mode.ToString(), session.RemoteUrl, invitation) { OccurredAt = now });
            }

            foreach (var (enrolment, day) in days)
            {
                enrolment.MarkReminded(day, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                LogRaced(logger, session.Id);
            }

            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders of session {SessionId} were sent by another run meanwhile.")]
    private static partial void LogRaced(ILogger logger, Guid sessionId);
}
