using Incubator.Impact.Domain;

namespace Incubator.Impact.Features;

public sealed record QuestionDto(Guid Id, string Text, QuestionType Type, bool Retired);

/// <summary>A questionnaire as a list shows it: its stage, its dates, and who answered when.</summary>
public sealed record QuestionnaireSummaryDto(
    Guid Id,
    Guid ProjectId,
    string ProjectName,
    string Stage,
    DateOnly OpensOn,
    DateOnly AnswerBy,
    string Status,
    DateTimeOffset? AnsweredAt,
    string? AnsweredByName,
    bool FilledByCoach,
    int Revision);

/// <summary>
/// One questionnaire with its answers and the program's own questions. <c>version</c> goes back in <c>If-Match</c> (or
/// the form's <c>__version</c>): answers saved meanwhile by someone else answer 409 instead of being overwritten.
/// </summary>
public sealed record QuestionnaireDto(
    QuestionnaireSummaryDto Summary,
    Guid Version,
    ImpactViewer Viewer,
    bool CanAnswer,
    Answers Answers,
    IReadOnlyList<QuestionDto> Questions);

/// <summary>What is sent to answer: the answers (each optional), and, from a coach, that it was filled in with the project.</summary>
public sealed record AnswerInput(Answers? Answers, bool FilledDuringMeeting = false);

/// <summary>A project's follow-up: every questionnaire opened so far.</summary>
public sealed record ProjectFollowUpDto(Guid ProjectId, string ProjectName, ImpactViewer Viewer, IReadOnlyList<QuestionnaireSummaryDto> Questionnaires);

/// <summary>For a lead: per stage, how many were opened and answered; and each project's questionnaires.</summary>
public sealed record SeasonFollowUpDto(Guid SeasonId, IReadOnlyList<StageProgressDto> Stages, IReadOnlyList<ProjectFollowUpDto> Projects);

public sealed record StageProgressDto(string Stage, int Opened, int Answered, int Unanswered, int FilledByCoach);

/// <summary>A program's schedule of follow-ups (months after the season's end) and its own questions.</summary>
public sealed record ImpactSettingsDto(Guid ProgramId, IReadOnlyList<int> FollowUpMonths, IReadOnlyList<QuestionDto> Questions, Guid? Version);

public sealed record QuestionInput(Guid? Id, string? Text, QuestionType? Type);

public sealed record ImpactSettingsInput(IReadOnlyList<int>? FollowUpMonths, IReadOnlyList<QuestionInput>? Questions);

internal static class QuestionnaireMapping
{
    public static QuestionnaireSummaryDto Summary(Questionnaire q, string projectName) =>
        new(q.Id, q.ProjectId, projectName, q.Stage, q.OpensOn, q.AnswerBy, q.Status, q.AnsweredAt, q.AnsweredByName, q.FilledByCoach, q.Revision);

    public static QuestionDto Question(ProgramQuestion q) => new(q.Id, q.Text, q.Type, q.Retired);

    /// <summary>
    /// The questionnaire with the program's questions: those asked today, and those retired since that it answered
    /// (their answers keep their wording).
    /// </summary>
    public static QuestionnaireDto ToDto(Questionnaire questionnaire, ImpactProject project, ImpactViewer viewer, ImpactSettings? settings)
    {
        var answered = questionnaire.Custom;
        var questions = settings?.Questions.Where(q => !q.Retired || answered.ContainsKey(q.Id)).OrderBy(q => q.Position).Select(Question).ToList() ?? [];
        return new QuestionnaireDto(Summary(questionnaire, project.ProjectName), questionnaire.Version, viewer, viewer != ImpactViewer.Lead, questionnaire.Answers, questions);
    }
}
