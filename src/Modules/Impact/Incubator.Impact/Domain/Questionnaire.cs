using System.Text.Json;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Impact.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Domain;

/// <summary>
/// One stage of a project's follow-up (entry, exit, 6, 12, 24 months after): opened on its date with a mail to the
/// project's people, reminded after 7 and 21 days, counted as unanswered after 60. Answered by the holder or a member,
/// or by one of its coaches during a meeting, who says so; answered again, it keeps the latest answers (a revision).
/// One per project and stage (a unique index), so a job that runs twice opens it once.
/// </summary>
internal sealed class Questionnaire : AggregateRoot
{
    public const int FirstReminderDays = 7;
    public const int LastReminderDays = 21;
    public const int AnswerWindowDays = 60;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Questionnaire()
    {
        Stage = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid ProgramId { get; private set; }

    /// <summary>See <see cref="Stages"/>.</summary>
    public string Stage { get; private set; }

    /// <summary>The date it was due (Paris), as the schedule said.</summary>
    public DateOnly OpensOn { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? LastRemindedAt { get; private set; }

    public DateTimeOffset? ClosedUnansweredAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public string? AnsweredByName { get; private set; }

    /// <summary>A coach filled it in with the project, during a meeting, and said so.</summary>
    public bool FilledByCoach { get; private set; }

    /// <summary>How many times it was answered; the funders' report keeps the latest.</summary>
    public int Revision { get; private set; }

    public ActivityStatus? Activity { get; private set; }

    public DateOnly? LaunchedOn { get; private set; }

    public LegalForm? LegalForm { get; private set; }

    public string? LegalFormOther { get; private set; }

    public decimal? JobsFte { get; private set; }

    public int? PeopleEmployed { get; private set; }

    public int? PermanentContracts { get; private set; }

    public int? Volunteers { get; private set; }

    public TurnoverBand? TurnoverBand { get; private set; }

    public int? SalesShare { get; private set; }

    public int? SubsidiesShare { get; private set; }

    public int? DonationsShare { get; private set; }

    public int? PeopleReached { get; private set; }

    public string? Communes { get; private set; }

    public int? SkillEconomicModel { get; private set; }

    public int? SkillLegal { get; private set; }

    public int? SkillManagement { get; private set; }

    public int? SkillFunding { get; private set; }

    public int? SkillCooperation { get; private set; }

    /// <summary>The answers to the program's own questions, by question id, as JSON.</summary>
    public string? CustomAnswers { get; private set; }

    public string Status => AnsweredAt is not null ? "Answered" : ClosedUnansweredAt is not null ? "Unanswered" : "Open";

    /// <summary>The last day it counts as answered in time.</summary>
    public DateOnly AnswerBy => DateOnly.FromDateTime(ParisTime.ToLocal(OpenedAt.AddDays(AnswerWindowDays)));

    public IReadOnlyDictionary<Guid, string> Custom =>
        CustomAnswers is null ? new Dictionary<Guid, string>() : JsonSerializer.Deserialize<Dictionary<Guid, string>>(CustomAnswers, Json)!;

    public Answers Answers => new(Activity, LaunchedOn, LegalForm, LegalFormOther, JobsFte, PeopleEmployed, PermanentContracts, Volunteers, TurnoverBand,
        SalesShare, SubsidiesShare, DonationsShare, PeopleReached, Communes, SkillEconomicModel, SkillLegal, SkillManagement, SkillFunding, SkillCooperation, Custom);

    public static Questionnaire Open(ImpactProject project, Guid programId, string stage, DateOnly opensOn, IReadOnlyList<Guid> recipients, DateTimeOffset now)
    {
        var questionnaire = new Questionnaire
        {
            Id = Guid.NewGuid(),
            ProjectId = project.ProjectId,
            SeasonId = project.SeasonId,
            ProgramId = programId,
            Stage = stage,
            OpensOn = opensOn,
            OpenedAt = now,
        };
        questionnaire.Raise(new QuestionnaireOpened(questionnaire.Id, project.ProjectId, project.SeasonId, programId, stage, opensOn) { OccurredAt = now });
        questionnaire.Raise(new QuestionnaireMailDue(questionnaire.Id, project.ProjectId, project.ProjectName, stage, "Opened", recipients, questionnaire.AnswerBy) { OccurredAt = now });
        return questionnaire;
    }

    /// <summary>What the job owes it now: a reminder, the last one, closing it unanswered, or nothing.</summary>
    public string? Due(DateTimeOffset now)
    {
        if (Status != "Open")
        {
            return null;
        }

        var days = (now - OpenedAt).TotalDays;
        return days >= AnswerWindowDays ? "Close"
            : days >= LastReminderDays && LastRemindedAt is null ? "LastReminder"
            : days >= FirstReminderDays && RemindedAt is null && days < LastReminderDays ? "Reminder"
            : null;
    }

    public void Remind(string kind, string projectName, IReadOnlyList<Guid> recipients, DateTimeOffset now)
    {
        RemindedAt ??= now;
        if (kind == "LastReminder")
        {
            LastRemindedAt = now;
        }

        Raise(new QuestionnaireMailDue(Id, ProjectId, projectName, Stage, kind, recipients, AnswerBy) { OccurredAt = now });
    }

    public void CloseUnanswered(DateTimeOffset now)
    {
        ClosedUnansweredAt = now;
        Raise(new QuestionnaireClosedUnanswered(Id, ProjectId, SeasonId, ProgramId, Stage, now) { OccurredAt = now });
    }

    /// <summary>Saves the answers (checked by the request's validator) and publishes what the report counts.</summary>
    public void Answer(Answers answers, Guid by, string byName, bool byCoach, DateTimeOffset now)
    {
        if (answers.Activity == ActivityStatus.Launched && answers.LaunchedOn is { } on && on > DateOnly.FromDateTime(ParisTime.ToLocal(now)))
        {
            throw new DomainException(L("La date de lancement ne peut pas être dans le futur.", "The launch date cannot be in the future."), "launchedOn");
        }

        (Activity, LaunchedOn, LegalForm, LegalFormOther) = (answers.Activity, answers.Activity == ActivityStatus.NotYet ? null : answers.LaunchedOn,
            answers.LegalForm, answers.LegalForm == Domain.LegalForm.Other ? Clean(answers.LegalFormOther) : null);
        (JobsFte, PeopleEmployed, PermanentContracts, Volunteers) = (answers.JobsFte, answers.PeopleEmployed, answers.PermanentContracts, answers.Volunteers);
        (TurnoverBand, SalesShare, SubsidiesShare, DonationsShare) = (answers.TurnoverBand, answers.SalesShare, answers.SubsidiesShare, answers.DonationsShare);
        (PeopleReached, Communes) = (answers.PeopleReached, Clean(answers.Communes));
        (SkillEconomicModel, SkillLegal, SkillManagement, SkillFunding, SkillCooperation) =
            (answers.SkillEconomicModel, answers.SkillLegal, answers.SkillManagement, answers.SkillFunding, answers.SkillCooperation);
        var custom = (answers.Custom ?? new Dictionary<Guid, string>()).Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim());
        CustomAnswers = custom.Count == 0 ? null : JsonSerializer.Serialize(custom, Json);
        (AnsweredAt, AnsweredBy, AnsweredByName, FilledByCoach) = (now, by, byName, byCoach);
        Revision++;
        Raise(new QuestionnaireAnswered(Id, ProjectId, SeasonId, ProgramId, Stage, now, Revision, Facts()) { OccurredAt = now });
    }

    public OutcomeFacts Facts() => new(Activity?.ToString(), LaunchedOn, LegalForm?.ToString(), JobsFte, PeopleEmployed, PermanentContracts, Volunteers,
        TurnoverBand?.ToString(), PeopleReached, SkillEconomicModel, SkillLegal, SkillManagement, SkillFunding, SkillCooperation);

    /// <summary>The application was anonymised: the free text and who answered go; the figures stay.</summary>
    public void Anonymise()
    {
        (LegalFormOther, Communes, CustomAnswers, AnsweredByName) = (null, null, null, AnsweredAt is null ? null : "—");
    }

    /// <summary>The person who answered erased their account: the answers stay with the project, their name goes.</summary>
    public void ForgetAnswerer()
    {
        AnsweredBy = null;
        AnsweredByName = "—";
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
