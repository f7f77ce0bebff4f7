using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Coaching.Contracts;

namespace Incubator.Host.Mail;

/// <summary>The weekly digest, to each coach of the pair.</summary>
internal sealed class WhenCoachingDigestReadyMail(MailDb db, TimeProvider time, IUserDirectory users, IJobTrigger trigger)
    : InboxHandler<CoachingDigestReady, MailDb>(db, time)
{
    protected override async Task HandleOnceAsync(CoachingDigestReady digest, CancellationToken cancellationToken)
    {
        var notSeen = string.Join("\n", digest.NotSeen.Select(p =>
            $"- {p.ProjectName} ({(p.LastSessionOn is { } d ? $"{d:dd/MM/yyyy}" : "jamais vu / never seen")})"));
        var meetings = string.Join("\n", digest.Meetings.Select(m => $"- {m.On:dd/MM/yyyy} : {m.ProjectName}"));
        foreach (var coachId in digest.CoachUserIds)
        {
            if (await users.FindAsync(coachId, cancellationToken) is not { } coach)
            {
                continue;
            }

            Db.OutgoingMails.Add(new OutgoingMail(
                coach.Email,
                $"Votre semaine d'accompagnement ({digest.WeekOf:dd/MM}) / Your coaching week",
                $"""
                Bonjour {coach.DisplayName},

                Projets sans séance depuis quatre semaines :
                {(notSeen.Length == 0 ? "- aucun" : notSeen)}

                Rendez-vous de la semaine :
                {(meetings.Length == 0 ? "- aucun" : meetings)}

                —

                Hello {coach.DisplayName},

                Projects with no session for four weeks:
                {(notSeen.Length == 0 ? "- none" : notSeen)}

                Meetings this week:
                {(meetings.Length == 0 ? "- none" : meetings)}
                """,
                Time.GetUtcNow()));
        }

        Db.DeliverOnceCommitted(trigger);
    }
}
