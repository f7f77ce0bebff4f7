using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

internal sealed record ListFunders : IRequest<IReadOnlyList<FunderDto>>;

internal sealed class ListFundersHandler(FundingDbContext db) : IRequestHandler<ListFunders, IReadOnlyList<FunderDto>>
{
    public async Task<IReadOnlyList<FunderDto>> Handle(ListFunders request, CancellationToken cancellationToken) =>
        (await db.Funders.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(f => f.Name, StringComparer.CurrentCulture)
            .Select(FundingMapping.ToDto).ToList();
}
