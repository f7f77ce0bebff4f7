using Incubator.BuildingBlocks.Application;
using Incubator.Impact.Contracts;
using Incubator.Impact.Domain;
using SkillCodes = Incubator.Impact.Contracts.Skills;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Web;

/// <summary>The questionnaire's words, in the reader's language.</summary>
public static class ImpactLabels
{
    public static string Stage(string stage) => Stages.Label(stage, Texts.IsEnglish);

    public static string Status(string status) => status switch
    {
        "Answered" => L("répondu", "answered"),
        "Unanswered" => L("sans réponse", "unanswered"),
        _ => L("en attente", "waiting"),
    };

    public static string Activity(ActivityStatus a) => a switch
    {
        ActivityStatus.Launched => L("Oui, l'activité est lancée", "Yes, the activity is launched"),
        ActivityStatus.Stopped => L("Elle a été lancée puis arrêtée", "It was launched, then stopped"),
        _ => L("Pas encore", "Not yet"),
    };

    public static string LegalForm(LegalForm f) => LegalForms.Label(f.ToString(), Texts.IsEnglish);

    public static string Turnover(TurnoverBand b) => b switch
    {
        TurnoverBand.None => L("Aucun", "None"),
        TurnoverBand.Under10k => L("Moins de 10 000 €", "Under €10,000"),
        TurnoverBand.From10kTo50k => L("10 000 à 50 000 €", "€10,000 to €50,000"),
        TurnoverBand.From50kTo150k => L("50 000 à 150 000 €", "€50,000 to €150,000"),
        TurnoverBand.From150kTo500k => L("150 000 à 500 000 €", "€150,000 to €500,000"),
        _ => L("Plus de 500 000 €", "Over €500,000"),
    };

    /// <summary>The five skills the holders rate themselves on: the form field, its label, and its value in the form.</summary>
    public static IReadOnlyList<(string Field, string Label, Func<AnswerForm, string?> Value)> Skills =>
    [
        (nameof(AnswerForm.SkillEconomicModel), SkillCodes.Label(SkillCodes.EconomicModel, IsEnglish), f => f.SkillEconomicModel),
        (nameof(AnswerForm.SkillLegal), SkillCodes.Label(SkillCodes.Legal, IsEnglish), f => f.SkillLegal),
        (nameof(AnswerForm.SkillManagement), SkillCodes.Label(SkillCodes.Management, IsEnglish), f => f.SkillManagement),
        (nameof(AnswerForm.SkillFunding), SkillCodes.Label(SkillCodes.Funding, IsEnglish), f => f.SkillFunding),
        (nameof(AnswerForm.SkillCooperation), SkillCodes.Label(SkillCodes.Cooperation, IsEnglish), f => f.SkillCooperation),
    ];

    public static string QuestionType(QuestionType t) => t switch
    {
        Domain.QuestionType.Number => L("Nombre", "Number"),
        Domain.QuestionType.YesNo => L("Oui / non", "Yes / no"),
        _ => L("Texte", "Text"),
    };
}
