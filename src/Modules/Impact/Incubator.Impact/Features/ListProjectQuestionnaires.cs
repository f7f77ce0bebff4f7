using Incubator.Impact.Contracts;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

internal sealed record ListProjectQuestionnaires(Guid ProjectId) : IRequest<ProjectFollowUpDto>;

internal sealed class ListProjectQuestionnairesHandler(ImpactDbContext db, ImpactAccess access) : IRequestHandler<ListProjectQuestionnaires, ProjectFollowUpDto>
{
    public async Task<ProjectFollowUpDto> Handle(ListProjectQuestionnaires request, CancellationToken cancellationToken)
    {
        var (project, viewer) = await access.ProjectAsync(request.ProjectId, cancellationToken);
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.ProjectId == project.ProjectId).ToListAsync(cancellationToken);
        return new ProjectFollowUpDto(project.ProjectId, project.ProjectName, viewer,
            questionnaires.OrderBy(q => Stages.Order(q.Stage)).Select(q => QuestionnaireMapping.Summary(q, project.ProjectName)).ToList());
    }
}
