using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Contracts;
using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Features;

/// <summary>Who a project's follow-up is shown to, and as whom.</summary>
public enum ImpactViewer
{
    Lead,
    Holder,
    Member,
    Coach,
}

/// <summary>
/// A project's questionnaires are seen by the program leads, its holder, its team members (asked of Applications) and the
/// two coaches of its pair (asked of Coaching); anyone else gets "not found". Leads read; the others answer.
/// </summary>
internal sealed class ImpactAccess(ImpactDbContext db, ICurrentUser user, IProjectTeam team, IProjectCoaches coaches)
{
    public async Task<(ImpactProject Project, ImpactViewer As)> ProjectAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId && p.AnonymisedAt == null, cancellationToken);
        if (project is not null && user.Id is { } me)
        {
            if (project.HolderUserId == me)
            {
                return (project, ImpactViewer.Holder);
            }

            if (user.IsInRole(Roles.ProgramLead))
            {
                return (project, ImpactViewer.Lead);
            }

            if ((await team.ProjectsJoinedByAsync(me, cancellationToken)).Contains(projectId))
            {
                return (project, ImpactViewer.Member);
            }

            if (user.IsInRole(Roles.Coach) && await coaches.CoachesAsync(me, projectId, cancellationToken))
            {
                return (project, ImpactViewer.Coach);
            }
        }

        throw new NotFoundException(L("Projet introuvable.", "Project not found."));
    }

    /// <summary>The questionnaire and its project, for someone who may see it.</summary>
    public async Task<(Questionnaire Questionnaire, ImpactProject Project, ImpactViewer As)> QuestionnaireAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var questionnaires = tracking ? db.Questionnaires : db.Questionnaires.AsNoTracking();
        var questionnaire = await questionnaires.FirstOrDefaultAsync(q => q.Id == id, cancellationToken)
            ?? throw new NotFoundException(L("Questionnaire introuvable.", "Questionnaire not found."));
        var (project, viewer) = await ProjectAsync(questionnaire.ProjectId, cancellationToken);
        return (questionnaire, project, viewer);
    }
}
