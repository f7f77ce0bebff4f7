using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Jobs;
using Incubator.Funding.Contracts;
using Incubator.Funding.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Incubator.Funding.Jobs;

/// <summary>
/// Each morning: 30 and 7 days before a tranche or a report is due, one reminder to the program leads. The reminder is
/// recorded on the tranche or report in the same transaction as the outgoing event, so reruns send nothing twice.
/// </summary>
internal sealed partial class FundingRemindersJob(FundingDbContext db, TimeProvider time, ILogger<FundingRemindersJob> logger) : IScheduledJob
{
    public string Id => "funding:reminders";

    public string Cron => "0 0 7 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var horizon = today.AddDays(30);
        var ids = await db.Agreements.AsNoTracking()
            .Where(a => a.Tranches.Any(t => t.ReceivedOn == null && t.DueOn >= today && t.DueOn <= horizon)
                || a.Reports.Any(r => r.SubmittedOn == null && r.DueOn >= today && r.DueOn <= horizon))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var agreement = await db.Agreements.AsSplitQuery().FirstAsync(a => a.Id == id, cancellationToken);
            var due = agreement.DueReminders(today).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            var funder = await db.Funders.AsNoTracking().Where(f => f.Id == agreement.FunderId).Select(f => f.Name).FirstAsync(cancellationToken);
            foreach (var reminder in due)
            {
                reminder.Mark();
                db.AddToOutbox(new FundingDeadlineApproaching(agreement.Id, agreement.SeasonId, funder, reminder.Kind, reminder.Label, reminder.DueOn, reminder.Days, reminder.Amount)
                {
                    OccurredAt = time.GetUtcNow(),
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                LogRaced(logger, agreement.Id);
            }

            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders of agreement {AgreementId} were sent by another run meanwhile.")]
    private static partial void LogRaced(ILogger logger, Guid agreementId);
}
