using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
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
    private static string Invitation(InformationMeeting meeting, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Incubator//Réunions d'information//FR", Method = "PUBLISH" };
        var item = new CalendarEvent
        {
            Uid = $"{meeting.Id:N}@incubator",
            Summary = meeting.Title,
            Description = meeting.Details,
            Location = meeting.Mode == MeetingMode.Remote ? meeting.RemoteUrl ?? meeting.Location : meeting.Location,
            DtStart = new CalDateTime(meeting.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(meeting.EndsAt.UtcDateTime),
            DtStamp = new CalDateTime(now.UtcDateTime),
        };
        if (meeting.RemoteUrl is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            item.Url = uri;
        }

        calendar.Events.Add(item);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
