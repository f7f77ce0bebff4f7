using System.Globalization;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Web;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Web;

public sealed record DeadlineItem(Guid SeasonId, string FunderName, string Label, DateOnly DueOn, decimal? Amount);

public sealed record LeadFundingHome(IReadOnlyList<DeadlineItem> Deadlines, BarChart TrainingHours, BarChart CoachingHours);

/// <summary>The lead's funding: tranches and reports due in the next 30 days (or late), and the hours delivered month by month.</summary>
public sealed class LeadFundingPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Areas/Funding/Views/Home/Lead.cshtml", await mediator.Send(new FundingHome(), HttpContext.RequestAborted));
}

internal sealed record FundingHome : IRequest<LeadFundingHome>;

internal sealed class FundingHomeHandler(FundingDbContext db, TimeProvider time) : IRequestHandler<FundingHome, LeadFundingHome>
{
    public async Task<LeadFundingHome> Handle(FundingHome request, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var horizon = today.AddDays(30);
        var agreements = await db.Agreements.AsNoTracking().AsSplitQuery()
            .Where(a => a.Tranches.Any(t => t.ReceivedOn == null && t.DueOn <= horizon) || a.Reports.Any(r => r.SubmittedOn == null && r.DueOn <= horizon))
            .ToListAsync(cancellationToken);
        var funderIds = agreements.Select(a => a.FunderId).Distinct().ToList();
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var deadlines = agreements.SelectMany(a =>
                a.Tranches.Where(t => t.Status != TrancheStatus.Received && t.DueOn <= horizon)
                    .Select(t => new DeadlineItem(a.SeasonId, funders.GetValueOrDefault(a.FunderId, string.Empty), $"{L("Tranche", "Tranche")} {t.Index + 1}", t.DueOn, t.Amount))
                .Concat(a.Reports.Where(r => r.SubmittedOn is null && r.DueOn <= horizon)
                    .Select(r => new DeadlineItem(a.SeasonId, funders.GetValueOrDefault(a.FunderId, string.Empty), r.Label, r.DueOn, null))))
            .OrderBy(d => d.DueOn).ToList();

        // The last twelve months, month by month.
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var from = ParisTime.FromLocal(first.ToDateTime(TimeOnly.MinValue));
        var sheets = await db.TrainingSheets.AsNoTracking().Where(s => s.StartsAt >= from).Select(s => new { s.SessionId, s.StartsAt }).ToListAsync(cancellationToken);
        var sessionIds = sheets.Select(s => s.SessionId).ToList();
        var minutesBySession = await db.Attendance.AsNoTracking().Where(a => sessionIds.Contains(a.SessionId))
            .GroupBy(a => a.SessionId).Select(g => new { SessionId = g.Key, Minutes = g.Sum(a => a.Minutes) })
            .ToDictionaryAsync(x => x.SessionId, x => x.Minutes, cancellationToken);
        var coaching = await db.CoachingSessions.AsNoTracking().Where(s => s.Date >= first)
            .GroupBy(s => s.Date).Select(g => new { Date = g.Key, Minutes = g.Sum(s => s.Minutes) })
            .ToListAsync(cancellationToken);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();
        var training = months.Select(m => sheets.Where(s => Same(ParisTime.ToLocal(s.StartsAt), m)).Sum(s => minutesBySession.GetValueOrDefault(s.SessionId))).ToList();
        var coached = months.Select(m => coaching.Where(c => c.Date.Year == m.Year && c.Date.Month == m.Month).Sum(c => c.Minutes)).ToList();
        return new LeadFundingHome(deadlines,
            Chart(L("Heures de formation suivies, par mois", "Training hours attended, by month"), months, training),
            Chart(L("Heures d'accompagnement, par mois", "Coaching hours, by month"), months, coached));
    }

    private static bool Same(DateTime local, DateOnly month) => local.Year == month.Year && local.Month == month.Month;

    private static BarChart Chart(string title, IReadOnlyList<DateOnly> months, IReadOnlyList<int> minutes) =>
        new(title, minutes.All(m => m == 0) ? [] : months.Select((m, i) => new Bar(
            m.ToString("MMM yyyy", CultureInfo.CurrentCulture), Math.Round(minutes[i] / 60m, 1), $"{Math.Round(minutes[i] / 60m, 1):0.#} h")).ToList());
}
