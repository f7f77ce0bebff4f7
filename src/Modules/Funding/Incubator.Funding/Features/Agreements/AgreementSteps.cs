using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

/// <summary>Reading an agreement, and a dated step on it (a tranche requested or received, a report submitted).</summary>
internal sealed class AgreementSteps(FundingDbContext db)
{
    public async Task<FundingAgreement> FindAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Agreements : db.Agreements.AsNoTracking();
        return await query.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException(L("Convention introuvable.", "Agreement not found."));
    }

    public async Task<string> FunderNameAsync(Guid funderId, CancellationToken cancellationToken) =>
        await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;

    /// <summary>A dated step: the date is required (<paramref name="missing"/> on <paramref name="field"/> otherwise).</summary>
    public async Task<AgreementDto> ChangeAsync(Guid agreementId, DateOnly? on, string field, string missing, Action<FundingAgreement, DateOnly> change, CancellationToken cancellationToken)
    {
        var date = on ?? throw new DomainException(missing, field);
        var agreement = await FindAsync(agreementId, tracking: true, cancellationToken);
        change(agreement, date);
        await db.SaveChangesAsync(cancellationToken);
        return FundingMapping.ToDto(agreement, await FunderNameAsync(agreement.FunderId, cancellationToken));
    }
}
