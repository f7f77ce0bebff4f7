using System.Globalization;
using Incubator.Impact.Domain;
using Incubator.Impact.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Web;

/// <summary>
/// The questionnaire's form as typed (strings, so that a wrong value comes back as it was typed, with its error). Numbers
/// take a comma or a dot; the program's own questions come as <c>custom.{id}</c>.
/// </summary>
public sealed class AnswerForm
{
    public string? Activity { get; set; }

    public string? LaunchedOn { get; set; }

    public string? LegalForm { get; set; }

    public string? LegalFormOther { get; set; }

    public string? JobsFte { get; set; }

    public string? PeopleEmployed { get; set; }

    public string? PermanentContracts { get; set; }

    public string? Volunteers { get; set; }

    public string? TurnoverBand { get; set; }

    public string? SalesShare { get; set; }

    public string? SubsidiesShare { get; set; }

    public string? DonationsShare { get; set; }

    public string? PeopleReached { get; set; }

    public string? Communes { get; set; }

    public string? SkillEconomicModel { get; set; }

    public string? SkillLegal { get; set; }

    public string? SkillManagement { get; set; }

    public string? SkillFunding { get; set; }

    public string? SkillCooperation { get; set; }

    public bool FilledDuringMeeting { get; set; }

    public Dictionary<Guid, string> Custom { get; set; } = [];

    public static AnswerForm From(Answers a) => new()
    {
        Activity = a.Activity?.ToString(),
        LaunchedOn = a.LaunchedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LegalForm = a.LegalForm?.ToString(),
        LegalFormOther = a.LegalFormOther,
        JobsFte = a.JobsFte?.ToString(CultureInfo.InvariantCulture),
        PeopleEmployed = a.PeopleEmployed?.ToString(CultureInfo.InvariantCulture),
        PermanentContracts = a.PermanentContracts?.ToString(CultureInfo.InvariantCulture),
        Volunteers = a.Volunteers?.ToString(CultureInfo.InvariantCulture),
        TurnoverBand = a.TurnoverBand?.ToString(),
        SalesShare = a.SalesShare?.ToString(CultureInfo.InvariantCulture),
        SubsidiesShare = a.SubsidiesShare?.ToString(CultureInfo.InvariantCulture),
        DonationsShare = a.DonationsShare?.ToString(CultureInfo.InvariantCulture),
        PeopleReached = a.PeopleReached?.ToString(CultureInfo.InvariantCulture),
        Communes = a.Communes,
        SkillEconomicModel = a.SkillEconomicModel?.ToString(CultureInfo.InvariantCulture),
        SkillLegal = a.SkillLegal?.ToString(CultureInfo.InvariantCulture),
        SkillManagement = a.SkillManagement?.ToString(CultureInfo.InvariantCulture),
        SkillFunding = a.SkillFunding?.ToString(CultureInfo.InvariantCulture),
        SkillCooperation = a.SkillCooperation?.ToString(CultureInfo.InvariantCulture),
        Custom = (a.Custom ?? new Dictionary<Guid, string>()).ToDictionary(),
    };

    /// <summary>The program's answers read from the posted form's <c>custom.{id}</c> fields.</summary>
    public void ReadCustom(IFormCollection form)
    {
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("custom.", StringComparison.Ordinal) && Guid.TryParse(key["custom.".Length..], out var id))
            {
                Custom[id] = value.ToString();
            }
        }
    }

    /// <summary>The typed answers; a value that is not of its type is an error under its field, and the answers are not sent.</summary>
    public AnswerInput ToInput(ModelStateDictionary errors)
    {
        var answers = new Answers(
            Enum<ActivityStatus>(nameof(Activity), Activity, errors),
            Date(nameof(LaunchedOn), LaunchedOn, errors),
            Enum<LegalForm>(nameof(LegalForm), LegalForm, errors),
            LegalFormOther,
            Number(nameof(JobsFte), JobsFte, errors),
            Whole(nameof(PeopleEmployed), PeopleEmployed, errors),
            Whole(nameof(PermanentContracts), PermanentContracts, errors),
            Whole(nameof(Volunteers), Volunteers, errors),
            Enum<TurnoverBand>(nameof(TurnoverBand), TurnoverBand, errors),
            Whole(nameof(SalesShare), SalesShare, errors),
            Whole(nameof(SubsidiesShare), SubsidiesShare, errors),
            Whole(nameof(DonationsShare), DonationsShare, errors),
            Whole(nameof(PeopleReached), PeopleReached, errors),
            Communes,
            Whole(nameof(SkillEconomicModel), SkillEconomicModel, errors),
            Whole(nameof(SkillLegal), SkillLegal, errors),
            Whole(nameof(SkillManagement), SkillManagement, errors),
            Whole(nameof(SkillFunding), SkillFunding, errors),
            Whole(nameof(SkillCooperation), SkillCooperation, errors),
            Custom);
        return new AnswerInput(answers, FilledDuringMeeting);
    }

    private static T? Enum<T>(string key, string? value, ModelStateDictionary errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.AddModelError(key, L("Choisissez une des réponses proposées.", "Choose one of the answers offered."));
        return null;
    }

    private static DateOnly? Date(string key, string? value, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.AddModelError(key, L("Une date est attendue (AAAA-MM-JJ).", "A date is expected (YYYY-MM-DD)."));
        return null;
    }

    private static decimal? Number(string key, string? value, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.AddModelError(key, L("Un nombre est attendu.", "A number is expected."));
        return null;
    }

    private static int? Whole(string key, string? value, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.AddModelError(key, L("Un nombre entier est attendu.", "A whole number is expected."));
        return null;
    }
}
