using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

internal sealed record GetQuestionnaire(Guid Id) : IRequest<QuestionnaireDto>;

internal sealed class GetQuestionnaireHandler(ImpactDbContext db, ImpactAccess access) : IRequestHandler<GetQuestionnaire, QuestionnaireDto>
{
    public async Task<QuestionnaireDto> Handle(GetQuestionnaire request, CancellationToken cancellationToken)
    {
        var (questionnaire, project, viewer) = await access.QuestionnaireAsync(request.Id, tracking: false, cancellationToken);
        return await ReadAsync(db, questionnaire, project, viewer, cancellationToken);
    }

    /// <summary>
    /// The questionnaire with the program's questions: those asked today, and those retired since that it answered
    /// (their answers keep their wording).
    /// </summary>
    public static async Task<QuestionnaireDto> ReadAsync(ImpactDbContext db, Questionnaire questionnaire, ImpactProject project, ImpactViewer viewer, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == questionnaire.ProgramId, cancellationToken);
        var answered = questionnaire.Custom;
        var questions = settings?.Questions.Where(q => !q.Retired || answered.ContainsKey(q.Id)).OrderBy(q => q.Position).Select(QuestionnaireMapping.Question).ToList() ?? [];
        return new QuestionnaireDto(QuestionnaireMapping.Summary(questionnaire, project.ProjectName), questionnaire.Version, viewer, viewer != ImpactViewer.Lead,
            questionnaire.Answers, questions);
    }
}
