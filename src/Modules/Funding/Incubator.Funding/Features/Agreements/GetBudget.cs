using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

/// <summary>A season's budget: what each funder committed, what came in, what is still expected and when.</summary>
internal sealed record GetBudget(Guid SeasonId) : IRequest<BudgetDto>;

internal sealed class GetBudgetHandler(FundingDbContext db) : IRequestHandler<GetBudget, BudgetDto>
{
    public async Task<BudgetDto> Handle(GetBudget request, CancellationToken cancellationToken)
    {
        var agreements = await db.Agreements.AsNoTracking().AsSplitQuery().Where(a => a.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        var funderIds = agreements.Select(a => a.FunderId).Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var lines = agreements.GroupBy(a => a.FunderId).Select(g =>
        {
            var committed = g.Sum(a => a.Amount);
            var received = g.Sum(a => a.Received);
            var next = g.SelectMany(a => a.Tranches).Where(t => t.Status != TrancheStatus.Received).OrderBy(t => t.DueOn).FirstOrDefault();
            var funder = funders[g.Key];
            return new BudgetLineDto(g.Key, funder.Name, funder.Kind.ToString(), committed, received, committed - received, next?.DueOn, next?.Amount);
        }).OrderByDescending(l => l.Committed).ThenBy(l => l.FunderName, StringComparer.CurrentCulture).ToList();
        return new BudgetDto(request.SeasonId, lines.Sum(l => l.Committed), lines.Sum(l => l.Received), lines.Sum(l => l.Expected), lines,
            agreements.OrderBy(a => funders[a.FunderId].Name, StringComparer.CurrentCulture).ThenBy(a => a.SignedOn).Select(a => FundingMapping.ToDto(a, funders[a.FunderId].Name)).ToList());
    }
}
