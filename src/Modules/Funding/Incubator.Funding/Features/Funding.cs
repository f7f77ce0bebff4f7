using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

public sealed record ContactDto(string Name, string? Role, string? Email, string? Phone);

public sealed record FunderDto(Guid Id, string Name, string Kind, IReadOnlyList<ContactDto> Contacts);

public sealed record TrancheDto(int Index, decimal Amount, DateOnly DueOn, string Status, DateOnly? RequestedOn, DateOnly? ReceivedOn);

public sealed record ReportDeadlineDto(int Index, string Label, DateOnly DueOn, DateOnly? SubmittedOn);

public sealed record AgreementDto(Guid Id, Guid FunderId, string FunderName, Guid SeasonId, decimal Amount, DateOnly SignedOn, string? Reference,
    decimal Received, IReadOnlyList<TrancheDto> Tranches, IReadOnlyList<ReportDeadlineDto> Reports);

/// <summary>The season's budget for one funder: committed, received, still expected, and what comes next.</summary>
public sealed record BudgetLineDto(Guid FunderId, string FunderName, string Kind, decimal Committed, decimal Received, decimal Expected, DateOnly? NextDueOn, decimal? NextAmount);

public sealed record BudgetDto(Guid SeasonId, decimal Committed, decimal Received, decimal Expected, IReadOnlyList<BudgetLineDto> Funders, IReadOnlyList<AgreementDto> Agreements);

public sealed record ContactInput(string? Name, string? Role, string? Email, string? Phone);

public sealed record FunderInput(string? Name, string? Kind, IReadOnlyList<ContactInput>? Contacts);

public sealed record TrancheInput(decimal? Amount, DateOnly? DueOn);

public sealed record ReportInput(string? Label, DateOnly? DueOn);

public sealed record AgreementInput(Guid? FunderId, Guid? SeasonId, decimal? Amount, DateOnly? SignedOn, DateOnly? ReportDueOn, string? Reference,
    IReadOnlyList<TrancheInput>? Tranches, IReadOnlyList<ReportInput>? Reports);

public sealed record ReceivedInput(DateOnly? ReceivedOn);

public sealed record RequestedInput(DateOnly? RequestedOn);

public sealed record SubmittedInput(DateOnly? SubmittedOn);

internal sealed record ListFunders : IRequest<IReadOnlyList<FunderDto>>;

internal sealed record AddFunder(FunderInput Input) : IRequest<FunderDto>;

internal sealed record SignAgreement(AgreementInput Input) : IRequest<AgreementDto>;

internal sealed record GetAgreement(Guid Id) : IRequest<AgreementDto>;

internal sealed record ReceiveTranche(Guid AgreementId, int Index, ReceivedInput Input) : IRequest<AgreementDto>;

internal sealed record RequestTranche(Guid AgreementId, int Index, RequestedInput Input) : IRequest<AgreementDto>;

internal sealed record SubmitReport(Guid AgreementId, int Index, SubmittedInput Input) : IRequest<AgreementDto>;

internal sealed record GetBudget(Guid SeasonId) : IRequest<BudgetDto>;

internal sealed class AddFunderValidator : AbstractValidator<AddFunder>
{
    public AddFunderValidator()
    {
        RuleFor(r => r.Input.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(r => r.Input.Kind).NotEmpty().IsEnumName(typeof(FunderKind), caseSensitive: false).OverridePropertyName("kind");
        RuleForEach(r => r.Input.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            c.RuleFor(x => x.Role).MaximumLength(200);
            c.RuleFor(x => x.Email).MaximumLength(320).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
            c.RuleFor(x => x.Phone).MaximumLength(40);
        }).OverridePropertyName("contacts");
    }
}

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

internal sealed class FundingHandlers(FundingDbContext db, ISeasonDirectory seasons, ICurrentUser user, TimeProvider time) :
    IRequestHandler<ListFunders, IReadOnlyList<FunderDto>>,
    IRequestHandler<AddFunder, FunderDto>,
    IRequestHandler<SignAgreement, AgreementDto>,
    IRequestHandler<GetAgreement, AgreementDto>,
    IRequestHandler<ReceiveTranche, AgreementDto>,
    IRequestHandler<RequestTranche, AgreementDto>,
    IRequestHandler<SubmitReport, AgreementDto>,
    IRequestHandler<GetBudget, BudgetDto>
{
    public async Task<IReadOnlyList<FunderDto>> Handle(ListFunders request, CancellationToken cancellationToken) =>
        (await db.Funders.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(f => f.Name, StringComparer.CurrentCulture)
            .Select(ToDto).ToList();

    public async Task<FunderDto> Handle(AddFunder request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var name = input.Name!.Trim();
        if ((await db.Funders.AsNoTracking().Select(f => f.Name).ToListAsync(cancellationToken)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(L("Ce financeur existe déjà.", "This funder already exists."), "name");
        }

        var contacts = (input.Contacts ?? []).Select(c => new FunderContact(c.Name!.Trim(), Clean(c.Role), Clean(c.Email), Clean(c.Phone))).ToList();
        var funder = new Funder(name, Enum.Parse<FunderKind>(input.Kind!, ignoreCase: true), contacts, time.GetUtcNow());
        db.Funders.Add(funder);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(funder);
    }

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
        return ToDto(agreement, funder.Name);
    }

    public async Task<AgreementDto> Handle(GetAgreement request, CancellationToken cancellationToken)
    {
        var agreement = await AgreementAsync(request.Id, tracking: false, cancellationToken);
        return ToDto(agreement, await FunderNameAsync(agreement.FunderId, cancellationToken));
    }

    public Task<AgreementDto> Handle(ReceiveTranche request, CancellationToken cancellationToken) =>
        ChangeAsync(request.AgreementId, request.Input.ReceivedOn, "receivedOn", L("La date de réception est obligatoire.", "The date received is required."),
            (agreement, on) =>
            {
                agreement.ReceiveTranche(request.Index, on, ParisTime.Today(time), time.GetUtcNow());
                db.Audit(user, time, "tranche.received", agreement.Id, agreement.Reference ?? agreement.Id.ToString(),
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{request.Index + 1}: {agreement.Tranches[request.Index].Amount:0.00} EUR, {on:yyyy-MM-dd}"));
            }, cancellationToken);

    public Task<AgreementDto> Handle(RequestTranche request, CancellationToken cancellationToken) =>
        ChangeAsync(request.AgreementId, request.Input.RequestedOn, "requestedOn", L("La date de la demande est obligatoire.", "The date of the request is required."),
            (agreement, on) => agreement.RequestTranche(request.Index, on, ParisTime.Today(time)), cancellationToken);

    public Task<AgreementDto> Handle(SubmitReport request, CancellationToken cancellationToken) =>
        ChangeAsync(request.AgreementId, request.Input.SubmittedOn, "submittedOn", L("La date de remise est obligatoire.", "The date submitted is required."),
            (agreement, on) => agreement.SubmitReport(request.Index, on, ParisTime.Today(time)), cancellationToken);

    /// <summary>A dated step on an agreement (a tranche requested or received, a report submitted): the date is required.</summary>
    private async Task<AgreementDto> ChangeAsync(Guid agreementId, DateOnly? on, string field, string missing, Action<FundingAgreement, DateOnly> change, CancellationToken cancellationToken)
    {
        var date = on ?? throw new DomainException(missing, field);
        var agreement = await AgreementAsync(agreementId, tracking: true, cancellationToken);
        change(agreement, date);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(agreement, await FunderNameAsync(agreement.FunderId, cancellationToken));
    }

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
            agreements.OrderBy(a => funders[a.FunderId].Name, StringComparer.CurrentCulture).ThenBy(a => a.SignedOn).Select(a => ToDto(a, funders[a.FunderId].Name)).ToList());
    }

    private async Task<FundingAgreement> AgreementAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Agreements : db.Agreements.AsNoTracking();
        return await query.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException(L("Convention introuvable.", "Agreement not found."));
    }

    private async Task<string> FunderNameAsync(Guid funderId, CancellationToken cancellationToken) =>
        await db.Funders.AsNoTracking().Where(f => f.Id == funderId).Select(f => f.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static FunderDto ToDto(Funder f) =>
        new(f.Id, f.Name, f.Kind.ToString(), f.Contacts.Select(c => new ContactDto(c.Name, c.Role, c.Email, c.Phone)).ToList());

    internal static AgreementDto ToDto(FundingAgreement a, string funderName) =>
        new(a.Id, a.FunderId, funderName, a.SeasonId, a.Amount, a.SignedOn, a.Reference, a.Received,
            a.Tranches.OrderBy(t => t.Index).Select(t => new TrancheDto(t.Index, t.Amount, t.DueOn, t.Status.ToString(), t.RequestedOn, t.ReceivedOn)).ToList(),
            a.Reports.OrderBy(r => r.Index).Select(r => new ReportDeadlineDto(r.Index, r.Label, r.DueOn, r.SubmittedOn)).ToList());
}
