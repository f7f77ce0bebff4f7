using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Cohort;

internal sealed record ListCohortCandidates(Guid SeasonId) : IRequest<IReadOnlyList<CohortCandidateDto>>;

internal sealed class ListCohortCandidatesHandler(SeasonsDbContext db) : IRequestHandler<ListCohortCandidates, IReadOnlyList<CohortCandidateDto>>
{
    public async Task<IReadOnlyList<CohortCandidateDto>> Handle(ListCohortCandidates request, CancellationToken cancellationToken)
    {
        var season = await db.SeasonAsync(request.SeasonId, tracking: false, cancellationToken);
        var inProposal = season.CohortMembers.Select(m => m.ApplicationId).ToHashSet();
        var candidates = await db.EligibleApplications.AsNoTracking()
            .Where(e => e.SeasonId == request.SeasonId && !e.Withdrawn && e.Decision != null)
            .OrderBy(e => e.ProjectName)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => c.MayJoinCohort)
            .Select(c => new CohortCandidateDto(c.ApplicationId, c.ProjectName, c.DepartmentCode, c.Decision!.Value.ToString(), inProposal.Contains(c.ApplicationId)))
            .ToList();
    }
}
