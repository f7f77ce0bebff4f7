using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Features;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Web;

public sealed record ProjectPage(ProjectDto Project, IReadOnlyList<CoachDto> Coaches, bool IsLead);

/// <summary>The project holder's view of their coaching: the project without the pair's notes, and its coaches' contacts.</summary>
public sealed record MyCoachingPage(ProjectDto Project, IReadOnlyList<UserContact> Coaches);

public sealed record PairsPage(Guid SeasonId, IReadOnlyList<PairDto> Pairs, IReadOnlyList<UserContact> Coaches);

public sealed class SessionForm
{
    public DateOnly? Date { get; set; }

    public int? DurationMinutes { get; set; }

    public string? Format { get; set; }

    public List<Guid> CoachesPresent { get; set; } = [];

    public string? Notes { get; set; }

    public string? Decisions { get; set; }

    public string? NextSteps { get; set; }

    public DateOnly? NextMeetingOn { get; set; }

    public SessionInput ToInput() => new(Date, DurationMinutes, Format, CoachesPresent, Notes, Decisions, NextSteps, NextMeetingOn);
}

public static class Labels
{
    public static string Health(string health) => health switch
    {
        "OnTrack" => L("Sur les rails", "On track"),
        "NeedsAttention" => L("À surveiller", "Needs attention"),
        "AtRisk" => L("En difficulté", "At risk"),
        _ => health,
    };

    public static string Milestone(string key) => key switch
    {
        "diagnostic" => L("Diagnostic", "Diagnostic"),
        "economicModel" => L("Modèle économique", "Economic model"),
        "legalStructure" => L("Structure juridique", "Legal structure"),
        "fundingPlan" => L("Plan de financement", "Funding plan"),
        "governance" => L("Gouvernance", "Governance"),
        "launch" => L("Lancement", "Launch"),
        _ => key,
    };

    public static string MilestoneStatus(string status) => status switch
    {
        "NotStarted" => L("Pas commencé", "Not started"),
        "InProgress" => L("En cours", "In progress"),
        "Done" => L("Atteint", "Reached"),
        _ => status,
    };

    public static string Format(string format) => format switch
    {
        "InPerson" => L("En présentiel", "In person"),
        "Video" => L("En visio", "Video"),
        "Phone" => L("Au téléphone", "Phone"),
        _ => format,
    };
}
