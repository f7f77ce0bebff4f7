using Incubator.BuildingBlocks.Privacy;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Meetings.Features;

/// <summary>
/// Registrations to information meetings are made without an account: they belong to the person whose account later
/// has the same e-mail, who finds them in their data export, and whose erasure erases them.
/// </summary>
internal sealed class MeetingsPersonalData(MeetingsDbContext db, TimeProvider time) :
    INotificationHandler<PersonalDataRequested>,
    INotificationHandler<AccountErasureRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var meetings = await db.InformationMeetings.AsNoTracking()
            .Where(m => m.Registrations.Any(r => r.Email == email))
            .OrderBy(m => m.StartsAt)
            .ToListAsync(cancellationToken);
        request.Sections["informationMeetings"] = meetings.SelectMany(m => m.Registrations.Where(r => r.Email == email).Select(r => new
        {
            meeting = m.Title,
            m.StartsAt,
            place = m.Location,
            r.Name,
            r.Email,
            r.Town,
            Status = r.Status.ToString(),
            r.RegisteredAt,
            r.CancelledAt,
            r.ReminderSentAt,
            r.Attended,
        })).ToList();
    }

    public async Task Handle(AccountErasureRequested request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var meetings = await db.InformationMeetings.Where(m => m.Registrations.Any(r => r.Email == email)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var registration in meetings.SelectMany(m => m.Registrations).Where(r => r.Email == email))
        {
            registration.Erase(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
