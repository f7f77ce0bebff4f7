using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Host.Mail;

/// <summary>The invitation of a team member, with the link that makes them a participant of the project.</summary>
internal sealed class WhenProjectMemberInvited(MailDb db, TimeProvider time, IConfiguration configuration, IJobTrigger trigger)
    : InboxHandler<ProjectMemberInvited, MailDb>(db, time)
{
    protected override Task HandleOnceAsync(ProjectMemberInvited invited, CancellationToken cancellationToken)
    {
        var link = $"{MailText.Site(configuration)}/projects/join/{invited.Token}";
        var by = string.IsNullOrEmpty(invited.HolderName) ? string.Empty : $" ({invited.HolderName})";
        Db.OutgoingMails.Add(new OutgoingMail(invited.Email, $"Rejoignez le projet « {invited.ProjectName} » / Join the project", $"""
            Bonjour {invited.Name},

            Le projet « {invited.ProjectName} » est accompagné cette saison, et son porteur{by} vous invite à y prendre part :
            vous verrez ses formations et son calendrier, recevrez les rappels et serez sur les feuilles de présence à votre nom.
            Créez votre compte (ou connectez-vous), puis ouvrez ce lien : {link}

            —

            Hello {invited.Name},

            The project "{invited.ProjectName}" is accompanied this season, and its holder{by} invites you to take part:
            you will see its trainings and calendar, get the reminders and be on the attendance sheets by name.
            Create your account (or sign in), then open this link: {link}
            """, Time.GetUtcNow()));
        Db.DeliverOnceCommitted(trigger);
        return Task.CompletedTask;
    }
}
