using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Funding.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Domain;

internal enum FunderKind
{
    Region,
    Department,
    Intercommunality,
    Commune,
    State,
    Foundation,
    Private,
    EU,
}

internal enum TrancheStatus
{
    Expected,
    Requested,
    Received,
}

/// <summary>Someone to talk to at a funder.</summary>
internal sealed record FunderContact(string Name, string? Role, string? Email, string? Phone);

/// <summary>A public or private body that funds programs.</summary>
internal sealed class Funder
{
    private Funder()
    {
        Name = string.Empty;
    }

    public Funder(string name, FunderKind kind, IReadOnlyList<FunderContact> contacts, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        Kind = kind;
        Contacts = contacts.ToList();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public FunderKind Kind { get; private set; }

    public List<FunderContact> Contacts { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A part of an agreement's amount, due on a date; expected, then requested, then received.</summary>
internal sealed class Tranche
{
    private Tranche()
    {
    }

    public Tranche(int index, decimal amount, DateOnly dueOn)
    {
        Index = index;
        Amount = amount;
        DueOn = dueOn;
        Status = TrancheStatus.Expected;
    }

    public int Index { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly DueOn { get; private set; }

    public TrancheStatus Status { get; private set; }

    public DateOnly? RequestedOn { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public DateOnly? Reminded30On { get; private set; }

    public DateOnly? Reminded7On { get; private set; }

    internal void Request(DateOnly on) => (Status, RequestedOn) = (TrancheStatus.Requested, on);

    internal void Receive(DateOnly on) => (Status, ReceivedOn) = (TrancheStatus.Received, on);

    internal void Remind(int daysBefore, DateOnly today) => (Reminded7On, Reminded30On) = Reminders.Mark(daysBefore, today, Reminded7On, Reminded30On);
}

/// <summary>A report the funder expects, by a date.</summary>
internal sealed class ReportDeadline
{
    private ReportDeadline()
    {
        Label = string.Empty;
    }

    public ReportDeadline(int index, string label, DateOnly dueOn)
    {
        Index = index;
        Label = label;
        DueOn = dueOn;
    }

    public int Index { get; private set; }

    public string Label { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public DateOnly? Reminded30On { get; private set; }

    public DateOnly? Reminded7On { get; private set; }

    internal void Submit(DateOnly on) => SubmittedOn = on;

    internal void Remind(int daysBefore, DateOnly today) => (Reminded7On, Reminded30On) = Reminders.Mark(daysBefore, today, Reminded7On, Reminded30On);
}

/// <summary>The 30- and 7-day reminders a tranche or a report keeps.</summary>
internal static class Reminders
{
    public static (DateOnly? Seven, DateOnly? Thirty) Mark(int daysBefore, DateOnly today, DateOnly? seven, DateOnly? thirty) =>
        daysBefore == 7 ? (today, thirty) : (seven, today);
}

internal sealed record TranchePlan(decimal Amount, DateOnly DueOn);

internal sealed record ReportPlan(string Label, DateOnly DueOn);

/// <summary>
/// A funding agreement (convention de financement) of a funder for a season: an amount paid in tranches whose sum is the
/// amount, and the reports it asks for.
/// </summary>
internal sealed class FundingAgreement : AggregateRoot
{
    public const decimal MaxAmount = 100_000_000m;

    private readonly List<Tranche> _tranches = [];
    private readonly List<ReportDeadline> _reports = [];

    private FundingAgreement()
    {
    }

    public Guid Id { get; private set; }

    public Guid FunderId { get; private set; }

    public Guid SeasonId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public string? Reference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<Tranche> Tranches => _tranches;

    public IReadOnlyList<ReportDeadline> Reports => _reports;

    public decimal Received => _tranches.Where(t => t.Status == TrancheStatus.Received).Sum(t => t.Amount);

    public static FundingAgreement Sign(Guid funderId, Guid seasonId, decimal amount, DateOnly signedOn, string? reference,
        IReadOnlyList<TranchePlan> tranches, IReadOnlyList<ReportPlan> reports, DateOnly today, DateTimeOffset now)
    {
        if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            throw new DomainException(L("Un montant positif, en euros et centimes.", "A positive amount, in euros and cents."), "amount");
        }

        if (signedOn > today)
        {
            throw new DomainException(L("Une convention ne peut pas être signée dans le futur.", "An agreement cannot be signed in the future."), "signedOn");
        }

        if (tranches.Count == 0)
        {
            throw new DomainException(L("Au moins une tranche.", "At least one tranche."), "tranches");
        }

        for (var i = 0; i < tranches.Count; i++)
        {
            if (tranches[i].Amount <= 0 || decimal.Round(tranches[i].Amount, 2) != tranches[i].Amount)
            {
                throw new DomainException(L("Un montant positif, en euros et centimes.", "A positive amount, in euros and cents."), $"tranches[{i}].amount");
            }

            if (tranches[i].DueOn < signedOn)
            {
                throw new DomainException(L("Une tranche ne peut pas être due avant la signature.", "A tranche cannot be due before the signature."), $"tranches[{i}].dueOn");
            }
        }

        var sum = tranches.Sum(t => t.Amount);
        if (sum != amount)
        {
            throw new DomainException(
                L($"La somme des tranches ({sum:N2} €) doit égaler le montant ({amount:N2} €).", $"The tranches add up to {sum:N2} €, not the amount ({amount:N2} €)."), "tranches");
        }

        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].DueOn < signedOn)
            {
                throw new DomainException(L("Un bilan ne peut pas être dû avant la signature.", "A report cannot be due before the signature."), i == 0 ? "reportDueOn" : $"reports[{i}].dueOn");
            }
        }

        var agreement = new FundingAgreement
        {
            Id = Guid.NewGuid(),
            FunderId = funderId,
            SeasonId = seasonId,
            Amount = amount,
            SignedOn = signedOn,
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            CreatedAt = now,
        };
        agreement._tranches.AddRange(tranches.OrderBy(t => t.DueOn).Select((t, i) => new Tranche(i, t.Amount, t.DueOn)));
        agreement._reports.AddRange(reports.OrderBy(r => r.DueOn).Select((r, i) => new ReportDeadline(i, r.Label.Trim(), r.DueOn)));
        return agreement;
    }

    public Tranche Tranche(int index) =>
        _tranches.FirstOrDefault(t => t.Index == index) ?? throw new NotFoundException(L("Tranche introuvable.", "Tranche not found."));

    public void RequestTranche(int index, DateOnly on, DateOnly today)
    {
        var tranche = Tranche(index);
        if (tranche.Status == TrancheStatus.Received)
        {
            throw new ConflictException(L("Cette tranche est déjà reçue.", "This tranche is already received."));
        }

        if (on > today || on < SignedOn)
        {
            throw new DomainException(L("Une date entre la signature et aujourd'hui.", "A date between the signature and today."), "requestedOn");
        }

        tranche.Request(on);
    }

    public void ReceiveTranche(int index, DateOnly on, DateOnly today, DateTimeOffset now)
    {
        var tranche = Tranche(index);
        if (tranche.Status == TrancheStatus.Received)
        {
            throw new ConflictException(L($"Cette tranche a déjà été reçue le {tranche.ReceivedOn:dd/MM/yyyy}.", $"This tranche was already received on {tranche.ReceivedOn:yyyy-MM-dd}."));
        }

        if (on > today || on < SignedOn)
        {
            throw new DomainException(L("Une date entre la signature et aujourd'hui.", "A date between the signature and today."), "receivedOn");
        }

        tranche.Receive(on);
        Raise(new TrancheReceived(Id, FunderId, SeasonId, index, tranche.Amount, on) { OccurredAt = now });
    }

    public void SubmitReport(int index, DateOnly on, DateOnly today)
    {
        var report = _reports.FirstOrDefault(r => r.Index == index) ?? throw new NotFoundException(L("Bilan introuvable.", "Report not found."));
        if (report.SubmittedOn is not null)
        {
            throw new ConflictException(L("Ce bilan est déjà remis.", "This report is already submitted."));
        }

        if (on > today || on < SignedOn)
        {
            throw new DomainException(L("Une date entre la signature et aujourd'hui.", "A date between the signature and today."), "submittedOn");
        }

        report.Submit(on);
    }

    /// <summary>The deadlines that call for a reminder today: 30 days before, then 7; each once, the 30-day one skipped when the 7-day one is due.</summary>
    public IEnumerable<(string Kind, string Label, DateOnly DueOn, int Days, decimal? Amount, Action Mark)> DueReminders(DateOnly today)
    {
        foreach (var tranche in _tranches.Where(t => t.Status != TrancheStatus.Received))
        {
            if (Due(tranche.DueOn, today, tranche.Reminded30On, tranche.Reminded7On) is { } days)
            {
                yield return ("Tranche", $"Tranche {tranche.Index + 1}", tranche.DueOn, days, tranche.Amount, () => tranche.Remind(days, today));
            }
        }

        foreach (var report in _reports.Where(r => r.SubmittedOn is null))
        {
            if (Due(report.DueOn, today, report.Reminded30On, report.Reminded7On) is { } days)
            {
                yield return ("Report", report.Label, report.DueOn, days, null, () => report.Remind(days, today));
            }
        }
    }

    private static int? Due(DateOnly dueOn, DateOnly today, DateOnly? reminded30, DateOnly? reminded7)
    {
        var left = dueOn.DayNumber - today.DayNumber;
        if (left < 0)
        {
            return null;
        }

        if (left <= 7)
        {
            return reminded7 is null ? 7 : null;
        }

        return left <= 30 && reminded30 is null ? 30 : null;
    }
}
