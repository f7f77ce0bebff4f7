using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Web;
using Incubator.Meetings.Features;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Web;

/// <summary>A season's information meetings, each with its registration form; for a lead, the form that plans one.</summary>
public sealed record SeasonMeetingsPage(Guid SeasonId, string SeasonName, IReadOnlyList<MeetingDto> Meetings, bool IsLead, RegistrationForm Registration,
    Guid? FailedMeetingId, MeetingForm Plan);

public sealed record CancelPage(string Token, CancellationDto Registration, bool Done);

public sealed record RegistrationsPage(MeetingDto Meeting, IReadOnlyList<RegistrantDto> Registrants, bool Started);

public sealed class RegistrationForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Town { get; set; }
}

/// <summary>A meeting as a lead types it (Paris time).</summary>
public sealed class MeetingForm
{
    public string? Title { get; set; } = L("Réunion d'information", "Information meeting");

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; } = new(18, 0);

    public TimeOnly? EndTime { get; set; } = new(19, 30);

    public string? Mode { get; set; } = "InPerson";

    public string? PlaceName { get; set; }

    public string? Address { get; set; }

    public string? Town { get; set; }

    public string? RemoteUrl { get; set; }

    public int? Capacity { get; set; } = 30;

    public string? Details { get; set; }

    private DateTimeOffset? At(TimeOnly? time) => Date is { } d && time is { } t ? ParisTime.FromLocal(d.ToDateTime(t)) : null;

    public MeetingInput ToInput() => new(Title, At(StartTime), At(EndTime), Mode, PlaceName, Address, Town, RemoteUrl, Capacity, Details);

    public static string Key(string field) => "Plan." + field switch
    {
        "startsAt" => nameof(Date),
        "endsAt" => nameof(EndTime),
        _ => FormMessages.FormKey(field),
    };
}

public static class MeetingLabels
{
    public static string Mode(string mode) => mode switch
    {
        "InPerson" => L("Présentiel", "In person"),
        "Remote" => L("À distance", "Remote"),
        "Hybrid" => L("Hybride", "Hybrid"),
        _ => mode,
    };

    public static string Status(string status) => status switch
    {
        "Registered" => L("Inscrit·e", "Registered"),
        "Waitlisted" => L("Liste d'attente", "Waiting list"),
        "Cancelled" => L("Annulée", "Cancelled"),
        _ => status,
    };

    public static string Place(MeetingDto m) => m.Mode == "Remote" || m.PlaceName is null
        ? L("À distance", "Remote")
        : string.Join(", ", new[] { m.PlaceName, m.Address, m.Town }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string Slot(DateTimeOffset start, DateTimeOffset end)
    {
        var s = ParisTime.ToLocal(start);
        var e = ParisTime.ToLocal(end);
        return IsEnglish ? $"{s:ddd d MMM yyyy}, {s:HH:mm}–{e:HH:mm}" : $"{s:dddd d MMMM yyyy}, {s:HH}h{s:mm}–{e:HH}h{e:mm}";
    }
}
