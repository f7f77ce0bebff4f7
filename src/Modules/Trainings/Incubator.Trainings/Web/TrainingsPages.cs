using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Web;
using Incubator.Trainings.Features;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Web;

public sealed record CalendarPage(Guid SeasonId, string SeasonName, IReadOnlyList<TrainingSummaryDto> Sessions, IReadOnlyList<ProjectAttendanceDto> Attendance,
    IReadOnlyList<VenueDto> Venues, IReadOnlyList<TrainerDto> Trainers, bool IsLead, SessionForm Form, bool SeriesFailed);

public sealed record SessionPage(TrainingDto Training, IReadOnlyList<SheetRow> Rows, bool IsLead);

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
