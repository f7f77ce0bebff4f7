using Incubator.BuildingBlocks.Jobs;
using Incubator.Meetings.Features;
using Incubator.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Incubator.Meetings.Jobs;

/// <summary>
/// The day before an information meeting, one reminder to each person with a seat, with the invitation. "Sent" is a
/// column of the registration written in the same transaction as the outgoing event: a rerun sends nothing twice, and
/// a registration or cancellation at the same moment changes the meeting's version, so only one of the two saves.
/// </summary>
internal sealed partial class MeetingRemindersJob(MeetingsDbContext db, TimeProvider time, ILogger<MeetingRemindersJob> logger) : IScheduledJob
{
    public string Id => "meetings:reminders";

    public string Cron => "0 */15 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(1);
        var ids = await db.InformationMeetings.AsNoTracking()
            .Where(m => m.StartsAt > now && m.StartsAt <= horizon)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var meeting = await db.InformationMeetings.FirstAsync(m => m.Id == id, cancellationToken);
            var due = meeting.Registrations.Where(r => r.HasSeat && r.ReminderSentAt is null && r.ErasedAt is null).ToList();
            foreach (var registration in due)
            {
                registration.MarkReminded(now);
                MeetingMails.Publish(db, meeting, registration, "Reminder", now);
            }

            if (due.Count > 0)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    LogRaced(logger, meeting.Id);
                }
            }

            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The meeting {MeetingId} changed while its reminders were written; the next run sends them.")]
    private static partial void LogRaced(ILogger logger, Guid meetingId);
}
