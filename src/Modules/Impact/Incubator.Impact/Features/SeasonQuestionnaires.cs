using Incubator.Impact.Contracts;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

/// <summary>For a lead: the season's follow-up, stage by stage, and who answered each project's questionnaires and when.</summary>
internal sealed record SeasonQuestionnaires(Guid SeasonId) : IRequest<SeasonFollowUpDto>;

internal sealed class SeasonQuestionnairesHandler(ImpactDbContext db) : IRequestHandler<SeasonQuestionnaires, SeasonFollowUpDto>
{
    public async Task<SeasonFollowUpDto> Handle(SeasonQuestionnaires request, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        var stages = questionnaires.GroupBy(q => q.Stage).OrderBy(g => Stages.Order(g.Key))
            .Select(g => new StageProgressDto(g.Key, g.Count(), g.Count(q => q.Status == "Answered"), g.Count(q => q.Status == "Unanswered"), g.Count(q => q.FilledByCoach)))
            .ToList();
        var byProject = questionnaires.ToLookup(q => q.ProjectId);
        return new SeasonFollowUpDto(request.SeasonId, stages, projects
            .OrderBy(p => p.ProjectName, StringComparer.CurrentCulture)
            .Select(p => new ProjectFollowUpDto(p.ProjectId, p.ProjectName, ImpactViewer.Lead,
                byProject[p.ProjectId].OrderBy(q => Stages.Order(q.Stage)).Select(q => QuestionnaireMapping.Summary(q, p.ProjectName)).ToList()))
            .ToList());
    }
}
