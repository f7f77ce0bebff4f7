using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Incubator.Trainings.Domain;

namespace Incubator.Trainings.Features;

/// <summary>Sessions as iCalendar (RFC 5545), in UTC so that every client places them at the right Paris hour.</summary>
internal static class TrainingCalendar
{
    public const string ContentType = "text/calendar";

    public static string Write(string name, IEnumerable<TrainingSession> sessions, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Incubator//Formations collectives//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Paris");
        foreach (var session in sessions)
        {
            calendar.Events.Add(ToEvent(session, now));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalendarEvent ToEvent(TrainingSession session, DateTimeOffset now)
    {
        var description = string.Join("\n", new[]
        {
            session.Cancelled ? $"Annulée / Cancelled : {session.ChangeReason}" : session.ChangeReason is { } why ? $"Modifiée / Changed : {why}" : null,
            session.Topic,
            session.Trainer is { } trainer ? $"Intervenant·e / Trainer : {trainer.Name}{(trainer.Organisation is null ? string.Empty : $" ({trainer.Organisation})")}" : null,
            session.RemoteUrl is { } url ? $"À distance / Remote : {url}" : null,
        }.Where(line => !string.IsNullOrWhiteSpace(line)));
        var place = session.Mode == TrainingMode.Remote ? session.RemoteUrl ?? session.Location : session.Location;
        var item = new CalendarEvent
        {
            // The same UID with a higher SEQUENCE replaces the event in a calendar that holds it; STATUS:CANCELLED removes
            // it or marks it cancelled (RFC 5545 3.8.7.4, 3.8.1.11), so a phone follows a moved or cancelled day.
            Uid = $"{session.Id:N}@incubator",
            Sequence = session.Sequence,
            Status = session.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Summary = session.Cancelled ? $"Annulé / Cancelled : {session.Title}" : session.Title,
            Description = description.Length == 0 ? null : description,
            Location = place,
            DtStart = new CalDateTime(session.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(session.EndsAt.UtcDateTime),
            DtStamp = new CalDateTime(now.UtcDateTime),
        };
        if (session.RemoteUrl is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            item.Url = uri;
        }

        return item;
    }
}
