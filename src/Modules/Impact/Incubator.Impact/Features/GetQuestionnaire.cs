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
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == questionnaire.ProgramId, cancellationToken);
        return QuestionnaireMapping.ToDto(questionnaire, project, viewer, settings);
    }
}
