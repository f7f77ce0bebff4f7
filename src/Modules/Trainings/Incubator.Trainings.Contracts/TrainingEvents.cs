using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Trainings.Contracts;

/// <summary>
/// The attendance sheet of a training session as it now stands, published each time a lead saves it.
/// A later <see cref="Revision"/> replaces an earlier one: a reader keeps the sheet with the highest revision,
/// so corrections, replays and out-of-order deliveries all give the same figures.
/// </summary>
public sealed record TrainingAttendanceRecorded(
    Guid SessionId,
    Guid SeasonId,
    DateTimeOffset StartsAt,
    decimal DurationHours,
    int Revision,
    IReadOnlyList<AttendanceLine> Lines) : IntegrationEvent;

/// <summary>One participant's line: <see cref="Status"/> is Present, Remote, Excused or Absent; hours attended.</summary>
public sealed record AttendanceLine(Guid ProjectId, string ParticipantName, string Status, decimal Hours);

/// <summary>
/// A reminder is due to one enrolled project's participant, seven days or one day before a session.
/// Published once per enrolment and reminder; <see cref="Calendar"/> is the invitation as iCalendar text (RFC 5545).
/// </summary>
public sealed record TrainingReminderDue(
    Guid SessionId,
    Guid SeasonId,
    int DaysBefore,
    Guid ProjectId,
    string ProjectName,
    Guid RecipientUserId,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    string Mode,
    string? RemoteUrl,
    string Calendar) : IntegrationEvent;

/// <summary>
/// A lead moved a session (<see cref="Change"/> "Moved": day, hours, venue, trainer or mode) or cancelled it
/// ("Cancelled"), with the reason given to the participants. <see cref="Sequence"/> is the event's iCalendar revision;
/// <see cref="Participants"/> are the enrolled projects' participants as they stand when the change is saved;
/// <see cref="Calendar"/> is the session as iCalendar text (RFC 5545), moved or <c>STATUS:CANCELLED</c>.
/// </summary>
public sealed record TrainingSessionChanged(
    Guid SessionId,
    Guid SeasonId,
    string Change,
    string Reason,
    string Title,
    DateTimeOffset WasStartsAt,
    DateTimeOffset WasEndsAt,
    string WasPlace,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    string Mode,
    string? RemoteUrl,
    int Sequence,
    IReadOnlyList<EnrolledParticipant> Participants,
    string Calendar) : IntegrationEvent;

/// <summary>An enrolled project and the person its mails go to.</summary>
public sealed record EnrolledParticipant(Guid ProjectId, string ProjectName, Guid RecipientUserId);
