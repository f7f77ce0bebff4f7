using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

internal sealed record ListSnapshots(Guid SeasonId) : IRequest<IReadOnlyList<SnapshotSummaryDto>>;

internal sealed class ListSnapshotsHandler(FundingDbContext db) : IRequestHandler<ListSnapshots, IReadOnlyList<SnapshotSummaryDto>>
{
    public async Task<IReadOnlyList<SnapshotSummaryDto>> Handle(ListSnapshots request, CancellationToken cancellationToken) =>
        (await db.Snapshots.AsNoTracking().Where(s => s.SeasonId == request.SeasonId)
            .Select(s => new SnapshotSummaryDto(s.Id, s.SeasonId, s.FunderId, s.Label, s.ApprovedBy, s.ApprovedAt))
            .ToListAsync(cancellationToken))
        .OrderByDescending(s => s.ApprovedAt).ToList();
}
