using Incubator.Trainings.Domain;

namespace Incubator.Trainings.Features;

/// <summary>Domain objects into the shapes the API answers.</summary>
internal static class TrainingMapping
{
    /// <summary>Planned, Moved (planned, with a change told to the participants) or Cancelled.</summary>
    public static string Status(TrainingSession s) => s.Cancelled ? "Cancelled" : s.Sequence > 0 ? "Moved" : "Planned";

    public static List<ProjectAttendanceDto> ByProject(IEnumerable<Attendance> lines, IReadOnlyDictionary<Guid, string> names) =>
        lines.GroupBy(a => a.ProjectId)
            .Select(g => new ProjectAttendanceDto(g.Key, names.GetValueOrDefault(g.Key, string.Empty), g.Count(), g.Count(a => a.Attended), g.Sum(a => a.Hours),
                Math.Round((decimal)g.Count(a => a.Attended) / g.Count(), 4)))
            .OrderBy(p => p.ProjectName, StringComparer.CurrentCulture)
            .ToList();

    public static VenueDto ToDto(Venue v) => new(v.Id, v.Name, v.Address, v.Town, v.AccessibilityNotes);

    public static PlaceDto? ToDto(Place? p) => p is null ? null : new PlaceDto(p.Name, p.Address, p.Town);

    public static TrainerRefDto? ToDto(TrainerRef? t) => t is null ? null : new TrainerRefDto(t.Name, t.Organisation);
}
