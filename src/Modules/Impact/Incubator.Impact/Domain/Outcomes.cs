namespace Incubator.Impact.Domain;

/// <summary>Where the project's activity stands.</summary>
public enum ActivityStatus
{
    NotYet,
    Launched,
    Stopped,
}

/// <summary>The legal forms a social-economy project takes in France.</summary>
public enum LegalForm
{
    Association,
    Scop,
    Scic,
    EssCompany,
    MicroEntreprise,
    CaeEntrepreneur,
    NotYet,
    Other,
}

/// <summary>The year's turnover, in bands (a project rarely knows it to the euro, and need not say it).</summary>
public enum TurnoverBand
{
    None,
    Under10k,
    From10kTo50k,
    From50kTo150k,
    From150kTo500k,
    Over500k,
}

/// <summary>The kind of answer a program's own question expects.</summary>
public enum QuestionType
{
    Text,
    Number,
    YesNo,
}

/// <summary>
/// The answers of one questionnaire, every one optional (a project answers what it knows), each typed: the activity,
/// the legal form, jobs and people, money, reach, and the holders' own rating of five skills from 1 to 5.
/// </summary>
public sealed record Answers(
    ActivityStatus? Activity = null,
    DateOnly? LaunchedOn = null,
    LegalForm? LegalForm = null,
    string? LegalFormOther = null,
    decimal? JobsFte = null,
    int? PeopleEmployed = null,
    int? PermanentContracts = null,
    int? Volunteers = null,
    TurnoverBand? TurnoverBand = null,
    int? SalesShare = null,
    int? SubsidiesShare = null,
    int? DonationsShare = null,
    int? PeopleReached = null,
    string? Communes = null,
    int? SkillEconomicModel = null,
    int? SkillLegal = null,
    int? SkillManagement = null,
    int? SkillFunding = null,
    int? SkillCooperation = null,
    IReadOnlyDictionary<Guid, string>? Custom = null)
{
    public const int CommunesMax = 500;
    public const int LegalFormOtherMax = 100;
    public const int CustomAnswerMax = 1000;
}
