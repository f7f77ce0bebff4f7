using Incubator.Meetings.Domain;

namespace Incubator.Meetings.Features;

internal static class MeetingMapping
{
    public static MeetingDto ToDto(InformationMeeting m) => new(m.Id, m.SeasonId, m.Title, m.StartsAt, m.EndsAt, m.Mode.ToString(), m.PlaceName, m.Address, m.Town,
        m.RemoteUrl, m.Capacity, m.SeatsLeft, m.Waiting, m.Details);

    public static RegistrantDto ToDto(Registration r) => new(r.Id, r.Name, r.Email, r.Town, r.Status.ToString(), r.RegisteredAt, r.CancelledAt, r.Attended);
}
