using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Contracts;

namespace Incubator.Host.Mail;

/// <summary>A training reminder (J-7 or J-1) to the project's participant, with the invitation to add to a calendar.</summary>
internal sealed class WhenTrainingReminderDueMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<TrainingReminderDue, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(TrainingReminderDue due, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(due.RecipientUserId, cancellationToken) is not { } participant)
        {
            return;
        }

        var start = ParisTime.ToLocal(due.StartsAt);
        var end = ParisTime.ToLocal(due.EndsAt);
        var (whenFr, whenEn) = due.DaysBefore == 1 ? ("demain", "tomorrow") : ("dans une semaine", "in a week");
        var remote = due.RemoteUrl is null ? string.Empty : $"\nLien / Link : {due.RemoteUrl}\n";
        Db.OutgoingMails.Add(new OutgoingMail(
            participant.Email,
            $"Formation {whenFr} : {due.Title} / Training {whenEn}",
            $"""
            Bonjour {participant.DisplayName},

            La formation collective « {due.Title} » a lieu {whenFr}, le {start:dd/MM/yyyy} de {start:HH:mm} à {end:HH:mm} (heure de Paris).
            Lieu : {due.Place}
            Projet : {due.ProjectName}
            {remote}
            L'invitation jointe s'ajoute à votre agenda. En cas d'empêchement, prévenez l'équipe du programme.

            —

            Hello {participant.DisplayName},

            The collective training "{due.Title}" takes place {whenEn}, on {start:yyyy-MM-dd} from {start:HH:mm} to {end:HH:mm} (Paris time).
            Venue: {due.Place}
            Project: {due.ProjectName}
            {remote}
            The attached invitation adds it to your calendar. If you cannot come, please tell the program team.
            """,
            Time.GetUtcNow())
        {
            AttachmentName = "formation.ics",
            AttachmentContentType = "text/calendar; charset=utf-8; method=PUBLISH",
            AttachmentContent = System.Text.Encoding.UTF8.GetBytes(due.Calendar),
        });
        Db.DeliverOnceCommitted(trigger);
    }
}
