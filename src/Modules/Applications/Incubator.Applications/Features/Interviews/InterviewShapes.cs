namespace Incubator.Applications.Features;

public sealed record InterviewSlotInput(DateTimeOffset? StartsAt, int? DurationMinutes, string? Place, string? RemoteUrl);

/// <summary>A slot; the project and the interview's status when an application holds it (for the lead and the jury).</summary>
public sealed record InterviewSlotDto(Guid Id, Guid SeasonId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? RemoteUrl,
    Guid? ApplicationId, string? ProjectName, string? InterviewStatus);

public sealed record JuryMemberInput(string? Name, string? Organisation, Guid? UserId);

public sealed record JuryInput(IReadOnlyList<JuryMemberInput>? Members);

public sealed record JuryMemberDto(Guid Id, string Name, string? Organisation, Guid? UserId);

/// <summary>A slot to put the application in, or none to let the applicant choose one of the free slots.</summary>
public sealed record InterviewInvitationInput(Guid? SlotId);

public sealed record ChooseSlotInput(Guid? SlotId);

public sealed record AnotherSlotInput(string? Message);

public sealed record InterviewNoteInput(string? Notes, string? Recommendation);

public sealed record InterviewNoteDto(Guid JuryUserId, string JuryName, string State, string? Notes, string? Recommendation, DateTimeOffset? WrittenAt);

/// <summary>
/// An application's interview as the caller may see it: the applicant sees the slot and the free slots to choose from;
/// a jury member also the application (once they declared no conflict) and their own notes; a lead every note.
/// </summary>
public sealed record InterviewDto(
    Guid Id,
    Guid ApplicationId,
    Guid SeasonId,
    string? ProjectName,
    string Status,
    string? Message,
    InterviewSlotDto? Slot,
    IReadOnlyList<InterviewSlotDto> FreeSlots,
    InterviewNoteDto? MyNote,
    IReadOnlyList<InterviewNoteDto> Notes,
    ApplicationDto? Application,
    bool MayWriteNotes);

/// <summary>What the jury recommended after an interview, as the board shows it beside the scores.</summary>
public sealed record JuryTally(int Select, int Waitlist, int Reject);
