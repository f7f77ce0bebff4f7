namespace Incubator.Meetings.Features;

// What the Meetings module answers and what it is sent: its JSON contract (API.md style).

public sealed record MeetingInput(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Mode, string? PlaceName, string? Address, string? Town,
    string? RemoteUrl, int? Capacity, string? Details);

/// <summary>An information meeting as anyone reads it (no one's name): where, when, how many seats are left.</summary>
public sealed record MeetingDto(Guid Id, Guid SeasonId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode, string? PlaceName, string? Address,
    string? Town, string? RemoteUrl, int Capacity, int SeatsLeft, int Waiting, string? Details);

public sealed record RegistrationInput(string? Name, string? Email, string? Town);

/// <summary>The answer to a registration: a seat (Registered) or the waiting list (Waitlisted); the mail says the rest.</summary>
public sealed record RegistrationDto(Guid MeetingId, string Status);

/// <summary>A registration as the program team reads it.</summary>
public sealed record RegistrantDto(Guid Id, string Name, string Email, string Town, string Status, DateTimeOffset RegisteredAt, DateTimeOffset? CancelledAt, bool Attended);

/// <summary>Who came: the registrations ticked (the others did not come).</summary>
public sealed record MeetingAttendanceInput(IReadOnlyList<Guid>? RegistrationIds);

/// <summary>What a cancellation link found: the meeting, and whether the registration is (now) cancelled.</summary>
public sealed record CancellationDto(Guid MeetingId, string Title, DateTimeOffset StartsAt, string Status);
