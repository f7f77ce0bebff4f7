using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

/// <summary>What is left for a reviewer in one season's committee.</summary>
public sealed record ReviewQueueDto(Guid SeasonId, int ToReview, int Reviewed, int Recused);

/// <summary>A season's pipeline, for the lead's home page: the funnel and the departments the applications come from.</summary>
public sealed record PipelineDto(Guid SeasonId, int Drafts, int Submitted, int Reviewed, int Shortlisted, int Selected, int Rejected, int Withdrawn,
    IReadOnlyList<(string Department, int Count)> ByDepartment);

internal sealed record MyReviewQueue : IRequest<IReadOnlyList<ReviewQueueDto>>;

internal sealed record SeasonPipelines(int Seasons) : IRequest<IReadOnlyList<PipelineDto>>;

internal sealed class HomeQueryHandlers(ApplicationsDbContext db, ICurrentUser user) :
    IRequestHandler<MyReviewQueue, IReadOnlyList<ReviewQueueDto>>,
    IRequestHandler<SeasonPipelines, IReadOnlyList<PipelineDto>>
{
    private static readonly ApplicationStatus[] Reviewable =
        [ApplicationStatus.Submitted, ApplicationStatus.Shortlisted, ApplicationStatus.Selected, ApplicationStatus.Waitlisted, ApplicationStatus.Rejected];

    /// <summary>Three queries: my committees, the reviewable applications per season, my reviews per season.</summary>
    public async Task<IReadOnlyList<ReviewQueueDto>> Handle(MyReviewQueue request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var seasons = await db.Rubrics.AsNoTracking().Where(r => r.ReviewerUserIds.Contains(me)).Select(r => r.SeasonId).ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => seasons.Contains(a.SeasonId) && Reviewable.Contains(a.Status))
            .GroupBy(a => a.SeasonId).Select(g => new { SeasonId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SeasonId, x => x.Count, cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.ReviewerUserId == me && seasons.Contains(r.SeasonId))
            .GroupBy(r => r.SeasonId)
            .Select(g => new { SeasonId = g.Key, Scored = g.Count(r => r.State == ReviewState.Scored), Recused = g.Count(r => r.State == ReviewState.Recused) })
            .ToDictionaryAsync(x => x.SeasonId, cancellationToken);
        return seasons.Select(s =>
        {
            var total = applications.GetValueOrDefault(s);
            var mine = reviews.GetValueOrDefault(s);
            var done = (mine?.Scored ?? 0) + (mine?.Recused ?? 0);
            return new ReviewQueueDto(s, Math.Max(0, total - done), mine?.Scored ?? 0, mine?.Recused ?? 0);
        }).ToList();
    }

    /// <summary>The most recent seasons with applications, in three grouped queries whatever their number.</summary>
    public async Task<IReadOnlyList<PipelineDto>> Handle(SeasonPipelines request, CancellationToken cancellationToken)
    {
        var recent = await db.Applications.AsNoTracking()
            .GroupBy(a => a.SeasonId)
            .Select(g => new { SeasonId = g.Key, Last = g.Max(a => a.CreatedAt) })
            .ToListAsync(cancellationToken);
        var seasons = recent.OrderByDescending(s => s.Last).Take(request.Seasons).Select(s => s.SeasonId).ToList();
        var byStatus = await db.Applications.AsNoTracking()
            .Where(a => seasons.Contains(a.SeasonId))
            .GroupBy(a => new { a.SeasonId, a.Status, a.DepartmentCode })
            .Select(g => new { g.Key.SeasonId, g.Key.Status, g.Key.DepartmentCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reviewed = await db.Reviews.AsNoTracking()
            .Where(r => seasons.Contains(r.SeasonId) && r.State == ReviewState.Scored)
            .GroupBy(r => r.SeasonId)
            .Select(g => new { SeasonId = g.Key, Applications = g.Select(r => r.ApplicationId).Distinct().Count() })
            .ToDictionaryAsync(x => x.SeasonId, x => x.Applications, cancellationToken);
        return seasons.Select(s =>
        {
            var rows = byStatus.Where(r => r.SeasonId == s).ToList();
            int Count(params ApplicationStatus[] statuses) => rows.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
            var departments = rows.Where(r => r.Status != ApplicationStatus.Draft && r.DepartmentCode is not null)
                .GroupBy(r => r.DepartmentCode!).Select(g => (g.Key, g.Sum(r => r.Count)))
                .OrderByDescending(d => d.Item2).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
            return new PipelineDto(s,
                Count(ApplicationStatus.Draft),
                Count(Reviewable),
                reviewed.GetValueOrDefault(s),
                Count(ApplicationStatus.Shortlisted, ApplicationStatus.Selected, ApplicationStatus.Waitlisted),
                Count(ApplicationStatus.Selected),
                Count(ApplicationStatus.Rejected),
                Count(ApplicationStatus.Withdrawn),
                departments);
        }).ToList();
    }
}
