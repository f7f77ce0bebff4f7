
namespace Incubator.Coaching.Features;

// What the Coaching module answers and what it is sent: its JSON contract (API.md).

public sealed record CoachDto(Guid UserId, string DisplayName);

public sealed record PairProjectDto(Guid ProjectId, string ProjectName, Guid? LeadCoachUserId);

public sealed record PairDto(Guid Id, Guid SeasonId, IReadOnlyList<CoachDto> Coaches, IReadOnlyList<PairProjectDto> Projects);

public sealed record MilestoneDto(string Key, string Status, DateOnly? ReachedOn);

public sealed record SessionDto(Guid Id, DateOnly Date, int DurationMinutes, string Format, IReadOnlyList<Guid> CoachesPresent,
    string? Notes, string? Decisions, string? NextSteps, DateOnly? NextMeetingOn);

public sealed record ProjectDto(Guid ProjectId, string ProjectName, string DepartmentCode, Guid SeasonId, Guid? PairId, Guid? LeadCoachUserId,
    IReadOnlyList<Guid> CoachUserIds, string Health, string? HealthReason, IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<SessionDto> Sessions,
    DateOnly? LastSessionOn, DateOnly? NextMeetingOn);

/// <summary>A line of "Mes projets": what a coach needs to see first.</summary>
public sealed record MyProjectDto(Guid ProjectId, string ProjectName, string DepartmentCode, Guid? LeadCoachUserId, string Health, string? HealthReason,
    DateOnly? LastSessionOn, DateOnly? NextMeetingOn, int MilestonesDone, int MilestoneCount, bool NotSeenForFourWeeks);

public sealed record PairInput(IReadOnlyList<Guid>? CoachUserIds);

public sealed record SessionInput(DateOnly? Date, int? DurationMinutes, string? Format, IReadOnlyList<Guid>? CoachesPresent,
    string? Notes, string? Decisions, string? NextSteps, DateOnly? NextMeetingOn);

public sealed record MilestoneInput(string? Status);

public sealed record HealthInput(string? Health, string? Reason);

public sealed record AssignmentInput(Guid? PairId, Guid? LeadCoachUserId);
