using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

/// <summary>A season's interviews: the slots; for a lead, the forms that open slots, name the jury and invite the shortlisted.</summary>
public sealed record InterviewsPage(SeasonSummary Season, IReadOnlyList<InterviewSlotDto> Slots, IReadOnlyList<JuryMemberDto> Jury, bool IsLead,
    IReadOnlyList<BoardRowDto> Shortlisted, IReadOnlyList<UserContact> Committee, SlotForm Slot);

/// <summary>The applicant's page, or the jury's (the same interview, seen by each as they may).</summary>
public sealed record InterviewPage(InterviewDto Interview, bool IsLead);

/// <summary>A slot as a lead types it (Paris time).</summary>
public sealed class SlotForm
{
    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; } = new(9, 30);

    public int? DurationMinutes { get; set; } = 45;

    public string? Place { get; set; }

    public string? RemoteUrl { get; set; }

    public InterviewSlotInput ToInput() =>
        new(Date is { } d && StartTime is { } t ? ParisTime.FromLocal(d.ToDateTime(t)) : null, DurationMinutes, Place, RemoteUrl);

    public static string Key(string field) => "Slot." + field switch
    {
        "startsAt" => nameof(Date),
        _ => FormMessages.FormKey(field),
    };
}

public static class InterviewLabels
{
    public static string Status(string? status) => status switch
    {
        "Invited" => L("Invité·e, à confirmer", "Invited, to confirm"),
        "Confirmed" => L("Confirmé", "Confirmed"),
        "Choosing" => L("Choix du créneau en attente", "Waiting for a slot choice"),
        null => "—",
        _ => status,
    };

    public static string Recommendation(string? recommendation) => recommendation switch
    {
        "Select" => L("Retenir", "Select"),
        "Waitlist" => L("Liste d'attente", "Waitlist"),
        "Reject" => L("Ne pas retenir", "Reject"),
        null => "—",
        _ => recommendation,
    };

    public static string When(InterviewSlotDto slot) =>
        ParisTime.Format(slot.StartsAt) + " – " + ParisTime.ToLocal(slot.EndsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Where(InterviewSlotDto slot) => string.Join(" · ", new[] { slot.Place, slot.RemoteUrl }.Where(p => p is not null));
}
