using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record PersonalCalendar(string Token) : IRequest<string?>;

/// <summary>A person's feed, read by their calendar with the feed's secret token.</summary>
internal sealed class PersonalCalendarHandler(TrainingsDbContext db, TimeProvider time, IProjectTeam team) : IRequestHandler<PersonalCalendar, string?>
{
    public async Task<string?> Handle(PersonalCalendar request, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == request.Token, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        // A subscription shows the last three months and everything to come.
        var from = time.GetUtcNow().AddMonths(-3);
        var sessions = db.Sessions.AsNoTracking().Where(s => s.EndsAt >= from);
        if (!feed.AllSessions)
        {
            var joined = await team.ProjectsJoinedByAsync(feed.UserId, cancellationToken);
            sessions = sessions.Where(s => s.Enrolments.Any(e => e.ApplicantUserId == feed.UserId || joined.Contains(e.ProjectId)));
        }

        return TrainingCalendar.Write("Mes formations – Incubator", await sessions.OrderBy(s => s.StartsAt).ToListAsync(cancellationToken), time.GetUtcNow());
    }
}
