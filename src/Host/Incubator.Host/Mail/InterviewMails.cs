using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Host.Mail;

/// <summary>
/// The applicant's mails about their jury interview, with the invitation (or its cancellation) for their calendar; a slot
/// given back is told to the program leads too, with the applicant's word.
/// </summary>
internal sealed class WhenInterviewMailDue(MailDb db, TimeProvider time, IUserDirectory users, IConfiguration configuration, IJobTrigger trigger)
    : InboxHandler<InterviewMailDue, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(InterviewMailDue due, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(due.ApplicantUserId, cancellationToken) is not { } applicant)
        {
            return; // the account was deleted meanwhile: nobody to write to
        }

        var site = MailText.Site(configuration);
        var page = $"{site}/applications/{due.ApplicationId}/interview";
        var (whenFr, whenEn) = due.StartsAt is { } startsAt && due.EndsAt is { } endsAt ? MailText.Span(startsAt, endsAt) : ("", "");

        var where = string.Join(" · ", new[] { due.Place, due.RemoteUrl }.Where(p => !string.IsNullOrEmpty(p)).Distinct());
        var (subject, french, english) = due.Kind switch
        {
            "Invited" => ($"Entretien avec le jury : {due.ProjectName} / Jury interview",
                $"Votre projet « {due.ProjectName} » est présélectionné : le jury vous propose un entretien {whenFr}.\nLieu : {where}\nConfirmez-le, ou demandez un autre créneau : {page}",
                $"Your project \"{due.ProjectName}\" is shortlisted: the jury offers you an interview {whenEn}.\nWhere: {where}\nConfirm it, or ask for another slot: {page}"),
            "Choose" => ($"Choisissez votre entretien avec le jury : {due.ProjectName} / Choose your jury interview",
                $"Votre projet « {due.ProjectName} » est présélectionné : choisissez le créneau de votre entretien avec le jury parmi ceux qui sont libres : {page}",
                $"Your project \"{due.ProjectName}\" is shortlisted: choose the time of your jury interview among the free slots: {page}"),
            "Confirmed" => ($"Entretien confirmé : {due.ProjectName} / Interview confirmed",
                $"Votre entretien avec le jury pour « {due.ProjectName} » est confirmé {whenFr}.\nLieu : {where}\nL'invitation jointe s'ajoute à votre agenda.",
                $"Your jury interview for \"{due.ProjectName}\" is confirmed {whenEn}.\nWhere: {where}\nThe attached invitation adds it to your calendar."),
            _ => ($"Créneau libéré : {due.ProjectName} / Slot given back",
                $"Le créneau {whenFr} est libéré ; l'équipe du programme en est informée. Choisissez un autre créneau : {page}",
                $"The slot {whenEn} is given back; the program team is told. Choose another slot: {page}"),
        };
        var mail = new OutgoingMail(applicant.Email, subject, $"""
            Bonjour {applicant.DisplayName},

            {french}

            —

            Hello {applicant.DisplayName},

            {english}
            """, Time.GetUtcNow());
        if (due.Calendar is { } calendar)
        {
            mail.WithCalendar("entretien.ics", calendar);
        }

        Db.OutgoingMails.Add(mail);
        if (due.Kind == "Released")
        {
            var word = string.IsNullOrWhiteSpace(due.Message) ? string.Empty : $"\n« {due.Message} »\n";
            foreach (var lead in await users.InRoleAsync(Roles.ProgramLead, cancellationToken))
            {
                Db.OutgoingMails.Add(new OutgoingMail(lead.Email, $"Créneau d'entretien libéré : {due.ProjectName} / Interview slot given back", $"""
                    Bonjour {lead.DisplayName},

                    Le porteur du projet « {due.ProjectName} » a libéré son créneau d'entretien {whenFr} et va en choisir un autre.
                    {word}
                    Les entretiens de la saison : {site}/applications/interviews/seasons/{due.SeasonId}

                    —

                    The holder of the project "{due.ProjectName}" gave back their interview slot {whenEn} and will choose another one.
                    {word}
                    The season's interviews: {site}/applications/interviews/seasons/{due.SeasonId}
                    """, Time.GetUtcNow()));
            }
        }

        Db.DeliverOnceCommitted(trigger);
    }
}
