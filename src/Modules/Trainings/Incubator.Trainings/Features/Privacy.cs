using Incubator.BuildingBlocks.Privacy;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Trainings.Features;

/// <summary>The training days of the person's projects with their attendance; on erasure, their calendar link goes.</summary>
internal sealed class TrainingsPersonalData(TrainingsDbContext db) :
    INotificationHandler<PersonalDataRequested>,
    INotificationHandler<AccountErasureRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken)
    {
        var projects = await db.CohortMembers.AsNoTracking().Where(m => m.ApplicantUserId == request.UserId).Select(m => m.ProjectId).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Enrolments.Any(e => projects.Contains(e.ProjectId)))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        request.Sections["trainings"] = new
        {
            hasCalendarLink = await db.CalendarFeeds.AnyAsync(f => f.UserId == request.UserId, cancellationToken),
            sessions = sessions.Select(s => new
            {
                s.Title,
                s.Topic,
                s.StartsAt,
                s.EndsAt,
                s.Location,
                enrolled = s.Enrolments.Where(e => projects.Contains(e.ProjectId)).Select(e => new { e.ProjectName, e.EnrolledAt, e.WeekReminderSentAt, e.DayReminderSentAt }),
                attendance = s.Attendance.Where(a => projects.Contains(a.ProjectId)).Select(a => new { a.ParticipantName, Status = a.Status.ToString(), a.Hours }),
            }).ToList(),
        };
    }

    public async Task Handle(AccountErasureRequested request, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.Where(f => f.UserId == request.UserId).ExecuteDeleteAsync(cancellationToken);
}
