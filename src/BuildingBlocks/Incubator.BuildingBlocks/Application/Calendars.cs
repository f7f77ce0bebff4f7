using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Incubator.BuildingBlocks.Application;

/// <summary>
/// One event of a calendar. The same <see cref="Uid"/> with a higher <see cref="Sequence"/> replaces the event in a calendar
/// that holds it; <see cref="Cancelled"/> (STATUS:CANCELLED) removes it or marks it cancelled (RFC 5545 3.8.7.4, 3.8.1.11),
/// so a phone follows a moved or cancelled date.
/// </summary>
public sealed record CalendarItem(string Uid, string Summary, string? Description, string? Location, string? Url, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Sequence = 0, bool Cancelled = false);

/// <summary>Events as iCalendar (RFC 5545), in UTC so that every client places them at the right Paris hour.</summary>
public static class Calendars
{
    public const string ContentType = "text/calendar";

    /// <summary>An absolute http(s) address: the link of a remote meeting, safe to put in a page, a mail or a calendar.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A calendar of <paramref name="items"/>; a <paramref name="name"/> makes it a named feed a client subscribes to.</summary>
    public static string Write(string productId, IEnumerable<CalendarItem> items, DateTimeOffset now, string? name = null)
    {
        var calendar = new Calendar { ProductId = productId, Method = "PUBLISH" };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("X-WR-TIMEZONE", "Europe/Paris");
        }

        foreach (var item in items)
        {
            var e = new CalendarEvent
            {
                Uid = item.Uid,
                Sequence = item.Sequence,
                Status = item.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Summary = item.Summary,
                Description = string.IsNullOrEmpty(item.Description) ? null : item.Description,
                Location = item.Location,
                DtStart = new CalDateTime(item.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(item.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
            };
            if (item.Url is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri))
            {
                e.Url = uri;
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
