using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Meetings.Contracts;

namespace Incubator.Host.Mail;

/// <summary>
/// The mails of an information meeting to a person registered without an account (issue 25): the seat or the waiting
/// list, a seat freed, the reminder the day before, the cancellation. Each carries the link that cancels, built on
/// <c>Incubator:PublicUrl</c> (the address people reach the site at; http://localhost:5000 by default).
/// </summary>
internal sealed class WhenInformationMeetingMailDue(MailDb db, TimeProvider time, IConfiguration configuration, IJobTrigger trigger)
    : InboxHandler<InformationMeetingMailDue, MailDb>(db, time)
{
    protected override Task HandleOnceAsync(InformationMeetingMailDue due, CancellationToken cancellationToken)
    {
        var cancel = $"{MailText.Site(configuration)}/meetings/cancel/{due.CancelToken}";
        var (whenFr, whenEn) = MailText.Span(due.StartsAt, due.EndsAt);
        var remote = due.RemoteUrl is null ? string.Empty : $"\nLien / Link : {due.RemoteUrl}";
        var (subject, french, english) = due.Kind switch
        {
            "Registered" => ($"Inscription confirmée : {due.Title} / Registration confirmed",
                $"Votre place est réservée pour la réunion d'information « {due.Title} », {whenFr}.\nLieu : {due.Place}{remote}\nL'invitation jointe s'ajoute à votre agenda.",
                $"Your seat is booked for the information meeting \"{due.Title}\", {whenEn}.\nVenue: {due.Place}{remote}\nThe attached invitation adds it to your calendar."),
            "Waitlisted" => ($"Liste d'attente : {due.Title} / Waiting list",
                $"La réunion d'information « {due.Title} », {whenFr}, est complète : vous êtes sur la liste d'attente. Si une place se libère, elle est à vous et nous vous l'écrivons.",
                $"The information meeting \"{due.Title}\", {whenEn}, is full: you are on the waiting list. If a seat is freed, it is yours and we will write to you."),
            "Promoted" => ($"Une place s'est libérée : {due.Title} / A seat is yours",
                $"Une place s'est libérée pour la réunion d'information « {due.Title} », {whenFr} : elle est à vous.\nLieu : {due.Place}{remote}\nL'invitation jointe s'ajoute à votre agenda.",
                $"A seat was freed for the information meeting \"{due.Title}\", {whenEn}: it is yours.\nVenue: {due.Place}{remote}\nThe attached invitation adds it to your calendar."),
            "Reminder" => ($"Réunion d'information demain : {due.Title} / Information meeting tomorrow",
                $"La réunion d'information « {due.Title} » a lieu demain, {whenFr}.\nLieu : {due.Place}{remote}",
                $"The information meeting \"{due.Title}\" takes place tomorrow, {whenEn}.\nVenue: {due.Place}{remote}"),
            _ => ($"Inscription annulée : {due.Title} / Registration cancelled",
                $"Votre inscription à la réunion d'information « {due.Title} », {whenFr}, est annulée.",
                $"Your registration to the information meeting \"{due.Title}\", {whenEn}, is cancelled."),
        };
        var link = due.Kind == "Cancelled" ? string.Empty : $"\n\nPour annuler / To cancel : {cancel}";
        var mail = new OutgoingMail(due.Email, subject, $"""
            Bonjour {due.Name},

            {french}{link}

            —

            Hello {due.Name},

            {english}{link}
            """, Time.GetUtcNow());
        if (due.Calendar is { } calendar)
        {
            mail.WithCalendar("reunion-information.ics", calendar);
        }

        Db.OutgoingMails.Add(mail);
        Db.DeliverOnceCommitted(trigger);
        return Task.CompletedTask;
    }
}
