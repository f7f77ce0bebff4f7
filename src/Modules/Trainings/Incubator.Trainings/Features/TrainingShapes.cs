
namespace Incubator.Trainings.Features;

// What the Trainings module answers and what it is sent: its JSON contract (API.md).

public sealed record VenueDto(Guid Id, string Name, string? Address, string Town, string? AccessibilityNotes);

public sealed record TrainerDto(Guid Id, string Name, string? Organisation, bool FromTerritory);

public sealed record PlaceDto(string Name, string? Address, string Town);

public sealed record TrainerRefDto(string Name, string? Organisation);

public sealed record TrainingSummaryDto(Guid Id, Guid SeasonId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    PlaceDto? Venue, TrainerRefDto? Trainer, string Mode, int Capacity, int EnrolledProjects, bool Held, decimal? AttendanceRate, string Status, string? ChangeReason);

public sealed record EnrolmentDto(Guid ProjectId, string ProjectName, Guid ApplicantUserId);

public sealed record AttendanceDto(Guid ProjectId, string ProjectName, string ParticipantName, string Status, decimal Hours);

/// <summary>Per project over the sheet of one session, or over the season's sheets.</summary>
public sealed record ProjectAttendanceDto(Guid ProjectId, string ProjectName, int Lines, int Attended, decimal Hours, decimal? Rate);

public sealed record TrainingDto(Guid Id, Guid SeasonId, Guid? SeriesId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    decimal DurationHours, Guid? VenueId, PlaceDto? Venue, string? VenueAccessibility, TrainerRefDto? Trainer, string Mode, string? RemoteUrl, int Capacity,
    IReadOnlyList<EnrolmentDto> Enrolments, IReadOnlyList<AttendanceDto> Attendance, bool Held, decimal? AttendanceRate, decimal HoursAttended,
    IReadOnlyList<ProjectAttendanceDto> ByProject, Guid Version, string Status, string? ChangeReason, DateTimeOffset? ChangedAt, int Sequence);

public sealed record SeriesDto(IReadOnlyList<Guid> Ids);

/// <summary>A session in "Mes formations": where and when, and how the participant was recorded.</summary>
public sealed record MyTrainingDto(Guid Id, Guid SeasonId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode,
    PlaceDto? Venue, string? VenueAccessibility, string? RemoteUrl, Guid ProjectId, string ProjectName, string? MyStatus, string Status, string? ChangeReason);

/// <summary>
/// A session moved (issue 25): each field left out keeps its value; <see cref="Reason"/> is required and told to the
/// participants. A venue or trainer is given as for planning (from the list, or typed in).
/// </summary>
public sealed record MoveInput(DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, Guid? VenueId, VenueInput? Venue, Guid? TrainerId, TrainerInput? Trainer,
    string? Mode, string? RemoteUrl, string? Reason);

public sealed record CancelInput(string? Reason);

public sealed record FeedDto(string Token, DateTimeOffset CreatedAt);

public sealed record VenueInput(string? Name, string? Address, string? Town, string? AccessibilityNotes);

public sealed record TrainerInput(string? Name, string? Organisation, bool? FromTerritory);

public sealed record TrainingInput(string? Title, string? Topic, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, Guid? VenueId, VenueInput? Venue,
    Guid? TrainerId, TrainerInput? Trainer, int? Capacity, string? Mode, string? RemoteUrl);

/// <summary>One a month from <see cref="FirstStartsAt"/>, same weekday rank and hour; August is skipped unless <see cref="SkipMonths"/> says otherwise.</summary>
public sealed record SeriesInput(string? Title, string? Topic, DateTimeOffset? FirstStartsAt, decimal? DurationHours, int? Count, Guid? VenueId, VenueInput? Venue,
    Guid? TrainerId, TrainerInput? Trainer, int? Capacity, string? Mode, string? RemoteUrl, IReadOnlyList<int>? SkipMonths);

public sealed record AttendanceInput(Guid? ProjectId, string? ParticipantName, string? Status, decimal? Hours);
