using Incubator.Funding.Domain;

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

/// <summary>How a funder and an agreement are shown, by every use case that returns one.</summary>
internal static class FundingMapping
{
    public static FunderDto ToDto(Funder f) =>
        new(f.Id, f.Name, f.Kind.ToString(), f.Contacts.Select(c => new ContactDto(c.Name, c.Role, c.Email, c.Phone)).ToList());

    public static AgreementDto ToDto(FundingAgreement a, string funderName) =>
        new(a.Id, a.FunderId, funderName, a.SeasonId, a.Amount, a.SignedOn, a.Reference, a.Received,
            a.Tranches.OrderBy(t => t.Index).Select(t => new TrancheDto(t.Index, t.Amount, t.DueOn, t.Status.ToString(), t.RequestedOn, t.ReceivedOn)).ToList(),
            a.Reports.OrderBy(r => r.Index).Select(r => new ReportDeadlineDto(r.Index, r.Label, r.DueOn, r.SubmittedOn)).ToList());
}
