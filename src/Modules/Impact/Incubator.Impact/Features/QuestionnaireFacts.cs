using Incubator.Impact.Contracts;
using Incubator.Impact.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

internal sealed class QuestionnaireFacts(ImpactDbContext db, TimeProvider time) : IQuestionnaireFacts
{
    public async Task<IReadOnlyList<StageCount>> CountsAsync(CancellationToken cancellationToken) =>
        await db.Questionnaires.AsNoTracking()
            .GroupBy(q => new { q.SeasonId, q.Stage })
            .Select(g => new StageCount(g.Key.SeasonId, g.Key.Stage, g.Count(), g.Count(q => q.AnsweredAt != null)))
            .ToListAsync(cancellationToken);

    public async Task<int> RepublishAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.SeasonId == seasonId).ToListAsync(cancellationToken);
        foreach (var q in questionnaires)
        {
            db.AddToOutbox(new QuestionnaireOpened(q.Id, q.ProjectId, q.SeasonId, q.ProgramId, q.Stage, q.OpensOn) { OccurredAt = now });
            if (q.AnsweredAt is { } answeredAt)
            {
                db.AddToOutbox(new QuestionnaireAnswered(q.Id, q.ProjectId, q.SeasonId, q.ProgramId, q.Stage, answeredAt, q.Revision, q.Facts()) { OccurredAt = now });
            }
            else if (q.ClosedUnansweredAt is { } closedAt)
            {
                db.AddToOutbox(new QuestionnaireClosedUnanswered(q.Id, q.ProjectId, q.SeasonId, q.ProgramId, q.Stage, closedAt) { OccurredAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return questionnaires.Count;
    }
}
