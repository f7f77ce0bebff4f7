using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

public static class Labels
{
    /// <summary>An application's status in plain words, as the applicant reads it.</summary>
    public static string Status(string status) => status switch
    {
        "Draft" => L("Brouillon, pas encore déposée", "Draft, not submitted yet"),
        "Submitted" => L("Déposée, en cours d'examen", "Submitted, under review"),
        "Shortlisted" => L("Présélectionnée", "Shortlisted"),
        "Selected" => L("Retenue", "Selected"),
        "Waitlisted" => L("Sur liste d'attente", "On the waiting list"),
        "Rejected" => L("Non retenue", "Not selected"),
        "Withdrawn" => L("Retirée", "Withdrawn"),
        _ => status,
    };

    public static string Field(string field) => field switch
    {
        "projectName" => L("Nom du projet", "Project name"),
        "summary" => L("Résumé du projet", "Project summary"),
        "socialNeed" => L("Besoin social ou environnemental", "Social or environmental need"),
        "commune" => L("Commune", "Town"),
        "departmentCode" => L("Département", "Department"),
        "collectiveDimension" => L("Dimension collective", "Collective dimension"),
        "economicModel" => L("Modèle économique", "Economic model"),
        "team" => L("Équipe", "Team"),
        _ => field,
    };
}
