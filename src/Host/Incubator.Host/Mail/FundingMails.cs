using System.Globalization;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Funding.Contracts;

namespace Incubator.Host.Mail;

/// <summary>A tranche or a report is due soon: every program lead is told, 30 days and 7 days before.</summary>
internal sealed class WhenFundingDeadlineApproachingMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<FundingDeadlineApproaching, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(FundingDeadlineApproaching due, CancellationToken cancellationToken)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var english = CultureInfo.GetCultureInfo("en-GB");
        var (whatFr, whatEn) = due.Kind == "Report"
            ? ($"le bilan « {due.Label} »", $"the report \"{due.Label}\"")
            : ($"la {due.Label.ToLowerInvariant()} ({due.Amount?.ToString("N2", french)} €)", $"{due.Label.ToLowerInvariant()} (€{due.Amount?.ToString("N2", english)})");
        foreach (var lead in await users.InRoleAsync(Roles.ProgramLead, cancellationToken))
        {
            Db.OutgoingMails.Add(new OutgoingMail(
                lead.Email,
                $"{due.FunderName} : échéance le {due.DueOn:dd/MM/yyyy} / Due on {due.DueOn:yyyy-MM-dd}",
                $"""
                Bonjour {lead.DisplayName},

                Pour la convention avec {due.FunderName}, {whatFr} arrive à échéance le {due.DueOn:dd/MM/yyyy}, dans {due.DaysBefore} jours au plus.
                {(due.Kind == "Report" ? "Le bilan de la saison se prépare dans Incubator (Financements > Bilan)." : "Pensez à demander le versement si ce n'est pas fait.")}

                —

                Hello {lead.DisplayName},

                For the agreement with {due.FunderName}, {whatEn} is due on {due.DueOn:yyyy-MM-dd}, in {due.DaysBefore} days at most.
                {(due.Kind == "Report" ? "The season's report is prepared in Incubator (Funding > Report)." : "Remember to request the payment if not done yet.")}
                """,
                Time.GetUtcNow()));
        }

        Db.DeliverOnceCommitted(trigger);
    }
}
