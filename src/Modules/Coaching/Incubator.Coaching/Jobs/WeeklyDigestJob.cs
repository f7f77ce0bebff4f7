using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Jobs;
using Incubator.Coaching.Contracts;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Jobs;

/// <summary>One digest per pair and week, remembered in the module's own table.</summary>
internal sealed class PairDigest
{
    private PairDigest()
    {
    }

    public PairDigest(Guid pairId, DateOnly weekOf, DateTimeOffset sentAt)
    {
        PairId = pairId;
        WeekOf = weekOf;
        SentAt = sentAt;
    }

    public Guid PairId { get; private set; }

    public DateOnly WeekOf { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}

/// <summary>
/// Every Monday morning: to both coaches of each pair, the projects with no session for four weeks
/// (each flagged once a week) and the meetings of the coming week. A rerun in the same week sends nothing.
/// </summary>
internal sealed class WeeklyDigestJob(CoachingDbContext db, TimeProvider time) : IScheduledJob
{
    public string Id => "coaching:weekly-digest";

    public string Cron => "0 0 6 * * 1";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ParisTime.Today(time);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var done = await db.PairDigests.Where(d => d.WeekOf == monday).Select(d => d.PairId).ToListAsync(cancellationToken);
        var pairs = await db.Pairs.Where(p => !done.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var pair in pairs)
        {
            var projects = await db.Projects.Where(p => p.PairId == pair.Id).ToListAsync(cancellationToken);
            var notSeen = projects.Where(p => p.NotSeenSince(today) && p.FlagForWeek(monday))
                .Select(p => new DigestProject(p.ProjectId, p.ProjectName, p.LastSessionOn)).ToList();
            var meetings = projects.Where(p => p.NextMeetingOn is { } on && on >= today && on < today.AddDays(7))
                .OrderBy(p => p.NextMeetingOn)
                .Select(p => new DigestMeeting(p.ProjectId, p.ProjectName, p.NextMeetingOn!.Value)).ToList();
            db.PairDigests.Add(new PairDigest(pair.Id, monday, now));
            if (notSeen.Count > 0 || meetings.Count > 0)
            {
                db.AddToOutbox(new CoachingDigestReady(pair.Id, pair.SeasonId, monday, [pair.CoachAUserId, pair.CoachBUserId], notSeen, meetings) { OccurredAt = now });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
