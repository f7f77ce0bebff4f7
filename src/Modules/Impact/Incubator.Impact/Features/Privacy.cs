using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Privacy;
using Incubator.Impact.Contracts;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

/// <summary>
/// The answers belong to the project, as its application does: the holder's export carries them, and so does the export
/// of anyone who answered one. An account erased takes its name off the answers it gave; the answers stay with the
/// project. When the application is anonymised, the free text goes and the figures stay.
/// </summary>
internal sealed class ImpactPersonalData(ImpactDbContext db) :
    INotificationHandler<PersonalDataRequested>,
    INotificationHandler<AccountErasureRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken)
    {
        var held = await db.Projects.AsNoTracking().Where(p => p.HolderUserId == request.UserId).Select(p => p.ProjectId).ToListAsync(cancellationToken);
        var questionnaires = await db.Questionnaires.AsNoTracking()
            .Where(q => held.Contains(q.ProjectId) || q.AnsweredBy == request.UserId)
            .Join(db.Projects.AsNoTracking(), q => q.ProjectId, p => p.ProjectId, (q, p) => new { Questionnaire = q, p.ProjectName })
            .ToListAsync(cancellationToken);
        request.Sections["impactQuestionnaires"] = questionnaires
            .OrderBy(x => x.ProjectName).ThenBy(x => Stages.Order(x.Questionnaire.Stage))
            .Select(x => new
            {
                project = x.ProjectName,
                x.Questionnaire.Stage,
                x.Questionnaire.OpensOn,
                x.Questionnaire.Status,
                x.Questionnaire.AnsweredAt,
                x.Questionnaire.AnsweredByName,
                x.Questionnaire.FilledByCoach,
                x.Questionnaire.Answers,
            })
            .ToList();
    }

    public async Task Handle(AccountErasureRequested request, CancellationToken cancellationToken)
    {
        foreach (var questionnaire in await db.Questionnaires.Where(q => q.AnsweredBy == request.UserId).ToListAsync(cancellationToken))
        {
            questionnaire.ForgetAnswerer();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class WhenApplicationAnonymised(ImpactDbContext db, TimeProvider time) : InboxHandler<ApplicationAnonymised, ImpactDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationAnonymised anonymised, CancellationToken cancellationToken)
    {
        if (await Db.Projects.FirstOrDefaultAsync(p => p.ProjectId == anonymised.ApplicationId, cancellationToken) is not { } project)
        {
            return;
        }

        project.Anonymise(Time.GetUtcNow());
        foreach (var questionnaire in await Db.Questionnaires.Where(q => q.ProjectId == project.ProjectId).ToListAsync(cancellationToken))
        {
            questionnaire.Anonymise();
        }
    }
}
