using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Meetings.Contracts;

/// <summary>
/// A mail is due to a person registered to an information meeting (they need no account): <see cref="Kind"/> is
/// Registered (a seat, with the invitation), Waitlisted, Promoted (a seat freed for them, with the invitation),
/// Reminder (the day before, with the invitation) or Cancelled (their registration, at their request).
/// <see cref="CancelToken"/> makes the link that cancels the registration; <see cref="Calendar"/> is iCalendar text.
/// </summary>
public sealed record InformationMeetingMailDue(
    Guid RegistrationId,
    Guid MeetingId,
    Guid SeasonId,
    string Kind,
    string Name,
    string Email,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    string? RemoteUrl,
    string CancelToken,
    string? Calendar) : IntegrationEvent;

/// <summary>
/// Who came to an information meeting, as a lead last recorded it: the people registered (with a seat) and those who
/// came. A later <see cref="Revision"/> replaces an earlier one.
/// </summary>
public sealed record InformationMeetingAttendanceRecorded(
    Guid MeetingId,
    Guid SeasonId,
    DateTimeOffset StartsAt,
    int Registered,
    int Attended,
    int Revision) : IntegrationEvent;
