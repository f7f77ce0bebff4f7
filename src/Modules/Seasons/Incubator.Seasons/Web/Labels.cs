using System.Globalization;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Seasons.Web;

/// <summary>Statuses and dates in plain words, in the request's language.</summary>
public static class Labels
{
    public static string SeasonStatus(string status) => status switch
    {
        "Draft" => L("Brouillon", "Draft"),
        "ApplicationsOpen" => L("Appel ouvert", "Call open"),
        "Selection" => L("Sélection en cours", "Selection"),
        "Running" => L("En cours", "Running"),
        "Closed" => L("Terminée", "Closed"),
        _ => status,
    };

    public static string CohortStatus(string status) => status switch
    {
        "Empty" => L("Pas encore composée", "Not composed yet"),
        "Proposed" => L("Proposée, à approuver", "Proposed, awaiting approval"),
        "Approved" => L("Approuvée", "Approved"),
        _ => status,
    };

    public static string Decision(string decision) => decision switch
    {
        "Shortlisted" => L("Présélectionnée", "Shortlisted"),
        "Selected" => L("Retenue", "Selected"),
        _ => decision,
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Instant(DateTimeOffset instant) => BuildingBlocks.Application.ParisTime.Format(instant);

    public static string Capacity(int? capacity) =>
        capacity is { } c ? L($"{c} projets", $"{c} projects") : L("à fixer (ou 6 par binôme d'accompagnement)", "to be set (or 6 per coaching pair)");
}
