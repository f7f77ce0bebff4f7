using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.Impact.Contracts;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

/// <summary>The questionnaires of the projects the caller holds or joined: those waiting for an answer first.</summary>
internal sealed record MyQuestionnaires : IRequest<IReadOnlyList<QuestionnaireSummaryDto>>;

internal sealed class MyQuestionnairesHandler(ImpactDbContext db, ICurrentUser user, IProjectTeam team) : IRequestHandler<MyQuestionnaires, IReadOnlyList<QuestionnaireSummaryDto>>
{
    public async Task<IReadOnlyList<QuestionnaireSummaryDto>> Handle(MyQuestionnaires request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var joined = await team.ProjectsJoinedByAsync(me, cancellationToken);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.AnonymisedAt == null && (p.HolderUserId == me || joined.Contains(p.ProjectId)))
            .Select(p => new { p.ProjectId, p.ProjectName })
            .ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.ProjectId).ToList();
        var names = projects.ToDictionary(p => p.ProjectId, p => p.ProjectName);
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => ids.Contains(q.ProjectId)).ToListAsync(cancellationToken);
        return questionnaires
            .OrderBy(q => q.Status == "Open" ? 0 : 1)
            .ThenBy(q => names[q.ProjectId], StringComparer.CurrentCulture)
            .ThenBy(q => Stages.Order(q.Stage))
            .Select(q => QuestionnaireMapping.Summary(q, names[q.ProjectId]))
            .ToList();
    }
}
