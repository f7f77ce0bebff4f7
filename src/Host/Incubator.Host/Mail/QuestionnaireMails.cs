using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Impact.Contracts;

namespace Incubator.Host.Mail;

/// <summary>A questionnaire of a project opened, or a reminder of it: one mail to its holder and to each member, with the link.</summary>
internal sealed class WhenQuestionnaireMailDue(MailDb db, TimeProvider time, IUserDirectory users, IConfiguration configuration, IJobTrigger trigger)
    : InboxHandler<QuestionnaireMailDue, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(QuestionnaireMailDue due, CancellationToken cancellationToken)
    {
        var link = $"{MailText.Site(configuration)}/impact/questionnaires/{due.QuestionnaireId}";
        var (stageFr, stageEn) = due.Stage switch
        {
            Stages.Entry => ("d'entrée", "entry"),
            Stages.Exit => ("de sortie", "exit"),
            _ => ($"de suivi à {Stages.MonthsAfterEnd(due.Stage)} mois", $"{Stages.MonthsAfterEnd(due.Stage)}-month follow-up"),
        };
        var (subjectFr, subjectEn, leadFr, leadEn) = due.Kind switch
        {
            "Opened" => ("Votre questionnaire", "Your questionnaire", "Le questionnaire", "The"),
            "LastReminder" => ("Dernier rappel : questionnaire", "Last reminder: questionnaire", "Dernier rappel : le questionnaire", "Last reminder: the"),
            _ => ("Rappel : questionnaire", "Reminder: questionnaire", "Rappel : le questionnaire", "Reminder: the"),
        };
        var people = await users.FindManyAsync(due.RecipientUserIds, cancellationToken);
        foreach (var person in due.RecipientUserIds.Select(people.GetValueOrDefault).OfType<UserContact>())
        {
            Db.OutgoingMails.Add(new OutgoingMail(person.Email, $"{subjectFr} {stageFr} — {due.ProjectName} / {subjectEn} ({stageEn})", $"""
                Bonjour {person.DisplayName},

                {leadFr} {stageFr} du projet « {due.ProjectName} » vous attend, jusqu'au {due.AnswerBy:dd/MM/yyyy}.
                Chaque réponse est facultative ; elles montrent aux financeurs ce que l'accompagnement a produit
                (activité, emplois, personnes touchées, compétences), même quand le projet a changé de cap.
                Répondre : {link}

                —

                Hello {person.DisplayName},

                {leadEn} {stageEn} questionnaire of the project "{due.ProjectName}" is waiting for you, until {due.AnswerBy:yyyy-MM-dd}.
                Every answer is optional; they show the funders what the accompaniment produced
                (activity, jobs, people reached, skills), even when the project changed course.
                Answer: {link}
                """, Time.GetUtcNow()));
        }

        Db.DeliverOnceCommitted(trigger);
    }
}
