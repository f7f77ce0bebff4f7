using Incubator.BuildingBlocks.Privacy;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Features;

/// <summary>
/// The coaching of the person's accompanied projects: sessions (without the coaches' private notes) and
/// milestones. An accompanied project is kept when its applicant leaves (see the privacy page).
/// </summary>
internal sealed class CoachingPersonalData(CoachingDbContext db) : INotificationHandler<PersonalDataRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.ApplicantUserId == request.UserId).ToListAsync(cancellationToken);
        request.Sections["coaching"] = projects.Select(p => new
        {
            p.ProjectName,
            Health = p.Health.ToString(),
            milestones = p.Milestones.Select(m => new { m.Key, Status = m.Status.ToString(), m.ReachedOn }),
            sessions = p.Sessions.OrderBy(s => s.Date).Select(s => new { s.Date, s.DurationMinutes, Format = s.Format.ToString(), s.Decisions, s.NextSteps, s.NextMeetingOn }),
        }).ToList();
    }
}
