using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record ListPairs(Guid SeasonId) : IRequest<IReadOnlyList<PairDto>>;

/// <summary>A season's pairs.</summary>
internal sealed class ListPairsHandler(CoachingDbContext db, IUserDirectory users) : IRequestHandler<ListPairs, IReadOnlyList<PairDto>>
{
    public Task<IReadOnlyList<PairDto>> Handle(ListPairs request, CancellationToken cancellationToken) => PairList.ReadAsync(db, users, request.SeasonId, cancellationToken);
}
