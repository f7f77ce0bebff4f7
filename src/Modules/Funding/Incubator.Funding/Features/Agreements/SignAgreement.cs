using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record SignAgreement(AgreementInput Input) : IRequest<AgreementDto>;

internal sealed class SignAgreementValidator : AbstractValidator<SignAgreement>
{
    /// <summary>No agreement of an incubator's season comes near a hundred million euros: above is a typing error.</summary>
    private const decimal MaxAmount = 100_000_000m;

    public SignAgreementValidator()
    {
        RuleFor(r => r.Input.FunderId).NotNull().OverridePropertyName("funderId");
        RuleFor(r => r.Input.SeasonId).NotNull().OverridePropertyName("seasonId");
        RuleFor(r => r.Input.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(MaxAmount).OverridePropertyName("amount");
        RuleFor(r => r.Input.SignedOn).NotNull().OverridePropertyName("signedOn");
        RuleFor(r => r.Input.Reference).MaximumLength(100).OverridePropertyName("reference");
        RuleFor(r => r.Input.Tranches).NotEmpty().Must(t => t is null || t.Count <= 24).OverridePropertyName("tranches");
        RuleForEach(r => r.Input.Tranches).ChildRules(t =>
        {
            t.RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(MaxAmount);
            t.RuleFor(x => x.DueOn).NotNull();
        }).OverridePropertyName("tranches");
        RuleForEach(r => r.Input.Reports).ChildRules(t =>
        {
            t.RuleFor(x => x.Label).NotEmpty().MaximumLength(200);
            t.RuleFor(x => x.DueOn).NotNull();
        }).OverridePropertyName("reports");
    }
}

internal sealed class SignAgreementHandler(FundingDbContext db, ISeasonDirectory seasons, TimeProvider time) : IRequestHandler<SignAgreement, AgreementDto>
{
    public async Task<AgreementDto> Handle(SignAgreement request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var funder = await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.FunderId, cancellationToken)
            ?? throw new DomainException(L("Ce financeur n'existe pas.", "This funder does not exist."), "funderId");
        if (await seasons.FindAsync(input.SeasonId!.Value, cancellationToken) is null)
        {
            throw new DomainException(L("Cette saison n'existe pas.", "This season does not exist."), "seasonId");
        }

        var reports = new List<ReportPlan>();
        if (input.ReportDueOn is { } reportDueOn)
        {
            reports.Add(new ReportPlan(L("Bilan", "Report"), reportDueOn));
        }

        reports.AddRange((input.Reports ?? []).Select(r => new ReportPlan(r.Label!, r.DueOn!.Value)));
        var agreement = FundingAgreement.Sign(funder.Id, input.SeasonId.Value, input.Amount!.Value, input.SignedOn!.Value, input.Reference,
            input.Tranches!.Select(t => new TranchePlan(t.Amount!.Value, t.DueOn!.Value)).ToList(), reports, ParisTime.Today(time), time.GetUtcNow());
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return FundingMapping.ToDto(agreement, funder.Name);
    }
}
