using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed record ListMyApplications : IRequest<IReadOnlyList<ApplicationSummaryDto>>;

internal sealed class ListMyApplicationsHandler(ApplicationsDbContext db, ICurrentUser user) : IRequestHandler<ListMyApplications, IReadOnlyList<ApplicationSummaryDto>>
{
    public async Task<IReadOnlyList<ApplicationSummaryDto>> Handle(ListMyApplications request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var mine = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == me)
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return mine.Select(a => new ApplicationSummaryDto(a.Id, a.SeasonId, a.ProjectName, a.Status.ToString(), a.DepartmentCode, a.SubmittedAt, null, 0)).ToList();
    }
}
