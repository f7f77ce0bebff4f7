using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Host.Mail;

/// <summary>The applicant's confirmation when their application is submitted.</summary>
internal sealed class WhenApplicationSubmittedMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<ApplicationSubmitted, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationSubmitted submitted, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(submitted.ApplicantUserId, cancellationToken) is not { } applicant)
        {
            return; // the account was deleted meanwhile: nobody to write to
        }

        var when = Incubator.BuildingBlocks.Application.ParisTime.ToLocal(submitted.SubmittedAt);
        Db.OutgoingMails.Add(new OutgoingMail(
            applicant.Email,
            $"Candidature reçue : {submitted.ProjectName} / Application received",
            $"""
            Bonjour {applicant.DisplayName},

            Nous avons bien reçu la candidature « {submitted.ProjectName} », déposée le {when:dd/MM/yyyy} à {when:HH:mm} (heure de Paris).
            Le comité de sélection va l'examiner ; vous recevrez un message à chaque décision.
            Vous pouvez la suivre dans « Mes candidatures ».

            —

            Hello {applicant.DisplayName},

            We have received the application "{submitted.ProjectName}", submitted on {when:yyyy-MM-dd} at {when:HH:mm} (Paris time).
            The selection committee will review it; you will get a message at each decision.
            You can follow it under "My applications".
            """,
            Time.GetUtcNow()));
        Db.DeliverOnceCommitted(trigger);
    }
}

/// <summary>The applicant hears of each decision, with its reason when the lead gave one.</summary>
internal sealed class WhenApplicationDecidedMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<ApplicationDecided, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationDecided decided, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(decided.ApplicantUserId, cancellationToken) is not { } applicant)
        {
            return;
        }

        var (french, english) = decided.Decision switch
        {
            ApplicationDecision.Shortlisted => ("est présélectionnée", "is shortlisted"),
            ApplicationDecision.Selected => ("est retenue", "is selected"),
            ApplicationDecision.Waitlisted => ("est sur liste d'attente", "is on the waiting list"),
            _ => ("n'est pas retenue", "is not selected"),
        };
        var reason = string.IsNullOrWhiteSpace(decided.Reason) ? string.Empty : $"\n{decided.Reason}\n";
        Db.OutgoingMails.Add(new OutgoingMail(
            applicant.Email,
            $"Votre candidature « {decided.ProjectName} » {french} / Your application {english}",
            $"""
            Bonjour {applicant.DisplayName},

            Votre candidature « {decided.ProjectName} » {french}.
            {reason}
            —

            Hello {applicant.DisplayName},

            Your application "{decided.ProjectName}" {english}.
            {reason}
            """,
            Time.GetUtcNow()));
        Db.DeliverOnceCommitted(trigger);
    }
}
