using System.Globalization;
using Incubator.Funding.Features;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Web;

public sealed record FundersPage(IReadOnlyList<FunderDto> Funders, FunderForm Form);

public sealed record BudgetPage(Guid SeasonId, string SeasonName, BudgetDto Budget, IReadOnlyList<FunderDto> Funders, AgreementForm Form, DateOnly Today);

public sealed record ReportPage(Guid SeasonId, string SeasonName, FunderReportDto Report, IReadOnlyList<SnapshotSummaryDto> Snapshots, IReadOnlyList<FunderDto> Funders, SnapshotDto? Snapshot);

public sealed class FunderForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? ContactName { get; set; }

    public string? ContactRole { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public FunderInput ToInput() => new(Name, Kind, string.IsNullOrWhiteSpace(ContactName) && string.IsNullOrWhiteSpace(ContactEmail)
        ? [] : [new ContactInput(ContactName, ContactRole, ContactEmail, ContactPhone)]);

    public static string Key(string field) => field.StartsWith("contacts", StringComparison.Ordinal)
        ? field.EndsWith("email", StringComparison.OrdinalIgnoreCase) ? nameof(ContactEmail) : nameof(ContactName)
        : field switch { "kind" => nameof(Kind), _ => nameof(Name) };
}

public sealed class AgreementForm
{
    public Guid? FunderId { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? ReportDueOn { get; set; }

    public string? Reference { get; set; }

    public List<TrancheRow> Tranches { get; set; } = [new(), new(), new()];

    public AgreementInput ToInput(Guid seasonId) => new(FunderId, seasonId, Amount, SignedOn, ReportDueOn, Reference,
        Tranches.Where(t => t.Amount is not null || t.DueOn is not null).Select(t => new TrancheInput(t.Amount, t.DueOn)).ToList(), null);

    /// <summary>API field names to this form's keys ("tranches[1].dueOn" is the second row's date).</summary>
    public static string Key(string field) => field switch
    {
        "funderId" => nameof(FunderId),
        "amount" => nameof(Amount),
        "signedOn" => nameof(SignedOn),
        "reportDueOn" => nameof(ReportDueOn),
        "reference" => nameof(Reference),
        _ when field.StartsWith("tranches[", StringComparison.OrdinalIgnoreCase) => "Tranches",
        _ => "Tranches",
    };
}

public sealed class TrancheRow
{
    public decimal? Amount { get; set; }

    public DateOnly? DueOn { get; set; }
}

public static class FundingLabels
{
    public static string Kind(string kind) => kind switch
    {
        "Region" => L("Région", "Region"),
        "Department" => L("Département", "Department"),
        "Intercommunality" => L("Intercommunalité (EPCI)", "Intercommunality"),
        "Commune" => L("Commune", "Municipality"),
        "State" => L("État", "State"),
        "Foundation" => L("Fondation", "Foundation"),
        "Private" => L("Partenaire privé", "Private partner"),
        "EU" => L("Union européenne", "European Union"),
        _ => kind,
    };

    public static string TrancheStatus(string status) => status switch
    {
        "Expected" => L("Attendue", "Expected"),
        "Requested" => L("Demandée", "Requested"),
        "Received" => L("Reçue", "Received"),
        _ => status,
    };

    public static string Money(decimal amount) => amount.ToString("C0", CultureInfo.CurrentCulture.Name.StartsWith("en", StringComparison.Ordinal)
        ? CultureInfo.GetCultureInfo("en-IE") : CultureInfo.GetCultureInfo("fr-FR"));

    public static string Percent(decimal? rate) => rate is { } r ? $"{r * 100:0} %" : "—";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
