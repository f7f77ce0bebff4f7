using Incubator.BuildingBlocks.Jobs;
using Incubator.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Incubator.Meetings.Jobs;

/// <summary>
/// Registrations are erased (made anonymous; the counts stay) some months after their meeting:
/// <c>Incubator:Retention:InformationMeetingMonths</c>, 12 by default (issue 25). Safe to run twice.
/// </summary>
internal sealed class RegistrationRetentionJob(MeetingsDbContext db, TimeProvider time, IConfiguration configuration) : IScheduledJob
{
    public string Id => "meetings:retention";

    public string Cron => "0 30 3 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now.AddMonths(-Math.Max(1, configuration.GetValue("Incubator:Retention:InformationMeetingMonths", 12)));
        var meetings = await db.InformationMeetings
            .Where(m => m.EndsAt < before && m.Registrations.Any(r => r.ErasedAt == null))
            .ToListAsync(cancellationToken);
        foreach (var registration in meetings.SelectMany(m => m.Registrations).Where(r => r.ErasedAt is null))
        {
            registration.Erase(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
