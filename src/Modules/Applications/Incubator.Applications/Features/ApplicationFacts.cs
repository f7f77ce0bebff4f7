using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed class ApplicationFacts(ApplicationsDbContext db, TimeProvider time) : IApplicationFacts
{
    public async Task<IReadOnlyDictionary<Guid, int>> ReceivedBySeasonAsync(CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking()
            .Where(a => a.SubmittedAt != null && a.Status != ApplicationStatus.Withdrawn)
            .GroupBy(a => a.SeasonId)
            .Select(g => new { Season = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Season, x => x.Count, cancellationToken);

    public async Task<int> RepublishAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var submitted = await db.Applications.AsNoTracking()
            .Where(a => a.SeasonId == seasonId && a.SubmittedAt != null)
            .Select(a => new { a.Id, a.ApplicantUserId, a.ProjectName, a.DepartmentCode, SubmittedAt = a.SubmittedAt!.Value, a.Status, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        foreach (var a in submitted)
        {
            db.AddToOutbox(new ApplicationSubmitted(a.Id, seasonId, a.ApplicantUserId, a.ProjectName ?? string.Empty, a.DepartmentCode ?? string.Empty, a.SubmittedAt) { OccurredAt = now });
            if (a.Status == ApplicationStatus.Withdrawn)
            {
                db.AddToOutbox(new ApplicationWithdrawn(a.Id, seasonId, a.UpdatedAt) { OccurredAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return submitted.Count;
    }
}
