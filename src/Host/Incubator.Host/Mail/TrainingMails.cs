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
            Time.GetUtcNow()).WithCalendar("formation.ics", due.Calendar));
        Db.DeliverOnceCommitted(trigger);
    }
}

/// <summary>
/// A session moved or cancelled: one mail to each enrolled project's participant, with the reason and the updated
/// invitation (the same event, a higher SEQUENCE, or STATUS:CANCELLED), so that a calendar that holds it follows.
/// </summary>
internal sealed class WhenTrainingSessionChangedMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<TrainingSessionChanged, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(TrainingSessionChanged change, CancellationToken cancellationToken)
    {
        var people = await users.FindManyAsync(change.Participants.Select(p => p.RecipientUserId).Distinct().ToList(), cancellationToken);
        var cancelled = change.Change == "Cancelled";
        var was = ParisTime.ToLocal(change.WasStartsAt);
        var wasEnd = ParisTime.ToLocal(change.WasEndsAt);
        var start = ParisTime.ToLocal(change.StartsAt);
        var end = ParisTime.ToLocal(change.EndsAt);
        var remote = change.RemoteUrl is null || cancelled ? string.Empty : $"\nLien / Link : {change.RemoteUrl}\n";
        foreach (var participant in change.Participants)
        {
            if (people.GetValueOrDefault(participant.RecipientUserId) is not { } person)
            {
                continue;
            }

            var (subject, french, english) = cancelled
                ? ($"Formation annulée : {change.Title} / Training cancelled",
                   $"La formation collective « {change.Title} » du {was:dd/MM/yyyy} de {was:HH:mm} à {wasEnd:HH:mm} (heure de Paris) est annulée.",
                   $"The collective training \"{change.Title}\" on {was:yyyy-MM-dd} from {was:HH:mm} to {wasEnd:HH:mm} (Paris time) is cancelled.")
                : ($"Formation modifiée : {change.Title} / Training changed",
                   $"""
                   La formation collective « {change.Title} » change.
                   Elle a lieu le {start:dd/MM/yyyy} de {start:HH:mm} à {end:HH:mm} (heure de Paris), au lieu du {was:dd/MM/yyyy} de {was:HH:mm} à {wasEnd:HH:mm}.
                   Lieu : {change.Place}{(change.Place == change.WasPlace ? string.Empty : $" (au lieu de : {change.WasPlace})")}
                   """,
                   $"""
                   The collective training "{change.Title}" has changed.
                   It takes place on {start:yyyy-MM-dd} from {start:HH:mm} to {end:HH:mm} (Paris time), instead of {was:yyyy-MM-dd} from {was:HH:mm} to {wasEnd:HH:mm}.
                   Venue: {change.Place}{(change.Place == change.WasPlace ? string.Empty : $" (instead of: {change.WasPlace})")}
                   """);
            Db.OutgoingMails.Add(new OutgoingMail(
                person.Email,
                subject,
                $"""
                Bonjour {person.DisplayName},

                {french}
                Raison : {change.Reason}
                Projet : {participant.ProjectName}
                {remote}
                L'invitation jointe met à jour votre agenda.

                —

                Hello {person.DisplayName},

                {english}
                Reason: {change.Reason}
                Project: {participant.ProjectName}
                {remote}
                The attached invitation updates your calendar.
                """,
                Time.GetUtcNow()).WithCalendar("formation.ics", change.Calendar));
        }

        Db.DeliverOnceCommitted(trigger);
    }
}
