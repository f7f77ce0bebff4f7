using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Impact.Contracts;

/// <summary>
/// The stages of a project's follow-up (issue 26): <c>entry</c> when the cohort is approved, <c>exit</c> when the season
/// ends, and <c>m6</c>, <c>m12</c>, <c>m24</c> (or the months a program sets) after the end.
/// </summary>
public static class Stages
{
    public const string Entry = "entry";

    public const string Exit = "exit";

    public static string FollowUp(int months) => $"m{months}";

    /// <summary>Months after the season's end: 0 for entry and exit, N for <c>mN</c>, null for anything else.</summary>
    public static int? MonthsAfterEnd(string stage) =>
        stage is Entry or Exit ? 0 : stage.Length > 1 && stage[0] == 'm' && int.TryParse(stage[1..], out var months) && months > 0 ? months : null;

    /// <summary>"Entrée", "Sortie", "12 mois après" (or in English): the Impact pages, the mails and the funders' report say it the same way.</summary>
    public static string Label(string stage, bool english) => stage switch
    {
        Entry => english ? "Entry" : "Entrée",
        Exit => english ? "Exit" : "Sortie",
        _ => MonthsAfterEnd(stage) is { } m ? english ? $"{m} months after" : $"{m} mois après" : stage,
    };

    /// <summary>The order of the stages in a project's life: entry, exit, then the follow-ups by month.</summary>
    public static int Order(string stage) => stage switch
    {
        Entry => -2,
        Exit => -1,
        _ => MonthsAfterEnd(stage) ?? int.MaxValue,
    };
}

/// <summary>The legal forms a questionnaire offers, by the code its answers carry, in the reader's language.</summary>
public static class LegalForms
{
    public static string Label(string code, bool english) => code switch
    {
        "Association" => "Association",
        "Scop" => english ? "SCOP (worker cooperative)" : "SCOP",
        "Scic" => english ? "SCIC (multi-stakeholder cooperative)" : "SCIC",
        "EssCompany" => english ? "Social-economy SARL or SAS" : "SARL ou SAS de l'ESS",
        "MicroEntreprise" => english ? "Micro-enterprise" : "Micro-entreprise",
        "CaeEntrepreneur" => english ? "Employee-entrepreneur of a CAE" : "Entrepreneur·e-salarié·e d'une CAE",
        "NotYet" => english ? "No structure yet" : "Pas encore de structure",
        _ => english ? "Other" : "Autre",
    };
}

/// <summary>The five skills the holders rate themselves on, by the code the report uses, in the reader's language.</summary>
public static class Skills
{
    public const string EconomicModel = "economicModel";

    public const string Legal = "legal";

    public const string Management = "management";

    public const string Funding = "funding";

    public const string Cooperation = "cooperation";

    public static string Label(string skill, bool english) => skill switch
    {
        EconomicModel => english ? "Economic model" : "Modèle économique",
        Legal => english ? "Legal matters" : "Juridique",
        Management => english ? "Management" : "Gestion",
        Funding => english ? "Finding funds" : "Recherche de financements",
        Cooperation => english ? "Cooperation" : "Coopération",
        _ => skill,
    };
}

/// <summary>
/// What a project answered at one stage, as far as the funders' report counts it (no names, no free text).
/// <see cref="Activity"/> is NotYet, Launched or Stopped; <see cref="LegalForm"/> one of the forms the questionnaire
/// offers; skills are the holders' own rating from 1 to 5.
/// </summary>
public sealed record OutcomeFacts(
    string? Activity,
    DateOnly? LaunchedOn,
    string? LegalForm,
    decimal? JobsFte,
    int? PeopleEmployed,
    int? PermanentContracts,
    int? Volunteers,
    string? TurnoverBand,
    int? PeopleReached,
    int? SkillEconomicModel,
    int? SkillLegal,
    int? SkillManagement,
    int? SkillFunding,
    int? SkillCooperation);

/// <summary>A questionnaire was opened for a project on its date (once per project and stage).</summary>
public sealed record QuestionnaireOpened(Guid QuestionnaireId, Guid ProjectId, Guid SeasonId, Guid ProgramId, string Stage, DateOnly OpensOn) : IntegrationEvent;

/// <summary>A questionnaire's answers, as saved; a later <see cref="Revision"/> replaces an earlier one.</summary>
public sealed record QuestionnaireAnswered(
    Guid QuestionnaireId,
    Guid ProjectId,
    Guid SeasonId,
    Guid ProgramId,
    string Stage,
    DateTimeOffset AnsweredAt,
    int Revision,
    OutcomeFacts Facts) : IntegrationEvent;

/// <summary>Sixty days after it opened, the questionnaire had no answer: it counts as unanswered (a later answer still counts).</summary>
public sealed record QuestionnaireClosedUnanswered(Guid QuestionnaireId, Guid ProjectId, Guid SeasonId, Guid ProgramId, string Stage, DateTimeOffset ClosedAt) : IntegrationEvent;

/// <summary>
/// A mail is due to the people of a project about a questionnaire: <see cref="Kind"/> is Opened (the link), Reminder
/// (7 days on) or LastReminder (21 days on). <see cref="RecipientUserIds"/> are the holder and the team members.
/// </summary>
public sealed record QuestionnaireMailDue(
    Guid QuestionnaireId,
    Guid ProjectId,
    string ProjectName,
    string Stage,
    string Kind,
    IReadOnlyList<Guid> RecipientUserIds,
    DateOnly AnswerBy) : IntegrationEvent;
