using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>The seasons whose committee the caller sits on.</summary>
internal sealed record ListMyCommittees : IRequest<IReadOnlyList<Guid>>;

internal sealed class ListMyCommitteesHandler(ApplicationsDbContext db, ICurrentUser user) : IRequestHandler<ListMyCommittees, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(ListMyCommittees request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        return await db.Rubrics.AsNoTracking().Where(r => r.ReviewerUserIds.Contains(me)).Select(r => r.SeasonId).ToListAsync(cancellationToken);
    }
}
