using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Web;
using Incubator.Trainings.Features;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Web;

public sealed record CalendarPage(Guid SeasonId, string SeasonName, IReadOnlyList<TrainingSummaryDto> Sessions, IReadOnlyList<ProjectAttendanceDto> Attendance,
    IReadOnlyList<VenueDto> Venues, IReadOnlyList<TrainerDto> Trainers, bool IsLead, SessionForm Form, bool SeriesFailed);

/// <summary>A session, its sheet, and for a lead the lists and forms to move or cancel it.</summary>
public sealed record SessionPage(TrainingDto Training, IReadOnlyList<SheetRow> Rows, bool IsLead, IReadOnlyList<VenueDto> Venues, IReadOnlyList<TrainerDto> Trainers,
    MoveForm Move, CancelForm Cancel)
{
    /// <summary>A session not cancelled whose sheet is not recorded can still move or be cancelled.</summary>
    public bool Changeable => IsLead && Training.Status != "Cancelled" && Training.Attendance.Count == 0;
}

public sealed record MinePage(IReadOnlyList<MyTrainingDto> Sessions, FeedLink Feed, DateTimeOffset Now);

public sealed record ListsPage(IReadOnlyList<VenueDto> Venues, IReadOnlyList<TrainerDto> Trainers, VenueForm Venue, TrainerForm Trainer);

/// <summary>One row of the attendance sheet form.</summary>
public sealed class SheetRow
{
    public Guid? ProjectId { get; set; }

    public string? ParticipantName { get; set; }

    public string? Status { get; set; }

    public decimal? Hours { get; set; }
}

/// <summary>A session, or the first of a monthly series, as typed on the calendar page (Paris time).</summary>
public sealed class SessionForm
{
    public string? Title { get; set; }

    public string? Topic { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; } = new(9, 30);

    public TimeOnly? EndTime { get; set; } = new(17, 0);

    public Guid? VenueId { get; set; }

    public Guid? TrainerId { get; set; }

    public int? Capacity { get; set; } = 12;

    public string? Mode { get; set; } = "InPerson";

    public string? RemoteUrl { get; set; }

    /// <summary>For a series: how many sessions, one a month.</summary>
    public int? Count { get; set; } = 10;

    public bool SkipAugust { get; set; } = true;

    private DateTimeOffset? At(TimeOnly? time) => Date is { } d && time is { } t ? ParisTime.FromLocal(d.ToDateTime(t)) : null;

    public TrainingInput ToInput() =>
        new(Title, Topic, At(StartTime), At(EndTime), VenueId, null, TrainerId, null, Capacity, Mode, RemoteUrl);

    public SeriesInput ToSeries() =>
        new(Title, Topic, At(StartTime), StartTime is { } s && EndTime is { } e ? (decimal)(e - s).TotalHours : null, Count, VenueId, null, TrainerId, null,
            Capacity, Mode, RemoteUrl, SkipAugust ? [8] : []);

    /// <summary>API field names to this form's keys.</summary>
    public static string Key(string field) => field switch
    {
        "startsAt" or "firstStartsAt" => nameof(Date),
        "endsAt" or "durationHours" => nameof(EndTime),
        "venue" or "venueId" or "venue.name" or "venue.town" => nameof(VenueId),
        "trainerId" => nameof(TrainerId),
        "skipMonths" => nameof(SkipAugust),
        _ => FormMessages.FormKey(field),
    };
}

/// <summary>A session moved, as typed on its page (Paris time); prefilled with where and when it is now.</summary>
public sealed class MoveForm
{
    public const string Prefix = "Move";

    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    public Guid? VenueId { get; set; }

    public Guid? TrainerId { get; set; }

    public string? Mode { get; set; }

    public string? RemoteUrl { get; set; }

    public string? Reason { get; set; }

    /// <summary>The session's revision on the page: a higher one after the move says something changed.</summary>
    public int Sequence { get; set; }

    public static MoveForm Of(TrainingDto t)
    {
        var (start, end) = (ParisTime.ToLocal(t.StartsAt), ParisTime.ToLocal(t.EndsAt));
        return new MoveForm
        {
            Date = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start), EndTime = TimeOnly.FromDateTime(end),
            VenueId = t.VenueId, Mode = t.Mode, RemoteUrl = t.RemoteUrl, Sequence = t.Sequence,
        };
    }

    private DateTimeOffset? At(TimeOnly? time) => Date is { } d && time is { } t ? ParisTime.FromLocal(d.ToDateTime(t)) : null;

    /// <summary>The trainer is changed only when one is chosen; the venue always follows the list's choice (none: remote).</summary>
    public MoveInput ToInput() => new(At(StartTime), At(EndTime), VenueId, null, TrainerId, null, Mode, string.IsNullOrWhiteSpace(RemoteUrl) ? null : RemoteUrl, Reason);

    /// <summary>API field names to this form's keys.</summary>
    public static string Key(string field) => Prefix + "." + field switch
    {
        "startsAt" => nameof(Date),
        "endsAt" => nameof(EndTime),
        "venue" or "venueId" => nameof(VenueId),
        "trainerId" => nameof(TrainerId),
        _ => FormMessages.FormKey(field),
    };
}

public sealed class CancelForm
{
    public const string Prefix = "Cancel";

    public string? Reason { get; set; }
}

public sealed class VenueForm
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? Town { get; set; }

    public string? AccessibilityNotes { get; set; }
}

public sealed class TrainerForm
{
    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public bool FromTerritory { get; set; } = true;
}

public static class TrainingLabels
{
    public static string Mode(string mode) => mode switch
    {
        "InPerson" => L("Présentiel", "In person"),
        "Remote" => L("À distance", "Remote"),
        "Hybrid" => L("Hybride", "Hybrid"),
        _ => mode,
    };

    public static string Status(string? status) => status switch
    {
        "Present" => L("Présent·e", "Present"),
        "Remote" => L("À distance", "Remote"),
        "Excused" => L("Excusé·e", "Excused"),
        "Absent" => L("Absent·e", "Absent"),
        null => L("Non renseigné", "Not recorded"),
        _ => status,
    };

    /// <summary>A session's state as a badge's words: moved sessions keep their place in the calendar, cancelled ones say so.</summary>
    public static string SessionStatus(string status) => status switch
    {
        "Cancelled" => L("Annulée", "Cancelled"),
        "Moved" => L("Modifiée", "Changed"),
        _ => L("Planifiée", "Planned"),
    };

    public static string Rate(decimal? rate) => rate is { } r ? $"{r * 100:0} %" : "—";

    public static string Hours(decimal hours) => $"{hours:0.##} h";

    public static string Place(PlaceDto? place) =>
        place is null ? L("À distance", "Remote") : string.Join(", ", new[] { place.Name, place.Address, place.Town }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string Slot(DateTimeOffset start, DateTimeOffset end)
    {
        var s = ParisTime.ToLocal(start);
        var e = ParisTime.ToLocal(end);
        return IsEnglish ? $"{s:ddd d MMM yyyy}, {s:HH:mm}–{e:HH:mm}" : $"{s:dddd d MMMM yyyy}, {s:HH}h{s:mm}–{e:HH}h{e:mm}";
    }
}
