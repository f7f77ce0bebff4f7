using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record GetSnapshot(Guid Id) : IRequest<SnapshotDto>;

internal sealed class GetSnapshotHandler(FundingDbContext db) : IRequestHandler<GetSnapshot, SnapshotDto>
{
    public async Task<SnapshotDto> Handle(GetSnapshot request, CancellationToken cancellationToken) =>
        SnapshotMapping.ToDto(await db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException(L("Bilan introuvable.", "Report not found.")));
}
