using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Contracts;
using Incubator.Meetings.Domain;
using Incubator.Meetings.Persistence;

namespace Incubator.Meetings.Features;

/// <summary>Each mail to a registered person goes through the outbox in the transaction that decides it (exactly once).</summary>
internal static class MeetingMails
{
    public static void Publish(MeetingsDbContext db, InformationMeeting meeting, Registration registration, string kind, DateTimeOffset now)
    {
        var withInvitation = kind is "Registered" or "Promoted" or "Reminder";
        db.AddToOutbox(new InformationMeetingMailDue(registration.Id, meeting.Id, meeting.SeasonId, kind, registration.Name, registration.Email, meeting.Title,
            meeting.StartsAt, meeting.EndsAt, meeting.Location, meeting.RemoteUrl, registration.CancelToken, withInvitation ? Invitation(meeting, now) : null)
        {
            OccurredAt = now,
        });
    }

    /// <summary>The meeting as iCalendar (RFC 5545), in UTC.</summary>
    private static string Invitation(InformationMeeting meeting, DateTimeOffset now) =>
        Calendars.Write("-//Incubator//Réunions d'information//FR", [new CalendarItem($"{meeting.Id:N}@incubator", meeting.Title, meeting.Details,
            meeting.Mode == MeetingMode.Remote ? meeting.RemoteUrl ?? meeting.Location : meeting.Location, meeting.RemoteUrl, meeting.StartsAt, meeting.EndsAt)], now);
}
