using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;

namespace Incubator.Trainings.Features;

/// <summary>
/// A moved or cancelled session, told to its participants (each project's holder and the members who joined it) through
/// the outbox in the same transaction as the change.
/// </summary>
internal static class SessionChanges
{
    public static async Task PublishAsync(TrainingsDbContext db, IProjectTeam team, TrainingSession session, string change, SessionSlot before, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var participants = await Participants.OfAsync(team, session, cancellationToken);
        db.AddToOutbox(new TrainingSessionChanged(
            session.Id, session.SeasonId, change, session.ChangeReason!, session.Title, before.StartsAt, before.EndsAt, before.Place,
            session.StartsAt, session.EndsAt, session.Location, session.Mode.ToString(), session.RemoteUrl, session.Sequence,
            participants.Select(p => new EnrolledParticipant(p.Enrolment.ProjectId, p.Enrolment.ProjectName, p.UserId)).ToList(),
            TrainingCalendar.Write(session.Title, [session], now))
        {
            OccurredAt = now,
        });
    }
}

/// <summary>Who takes part in a session: for each enrolled project, its holder and the team members who joined it.</summary>
internal static class Participants
{
    public static async Task<IReadOnlyList<(Enrolment Enrolment, Guid UserId)>> OfAsync(IProjectTeam team, TrainingSession session, CancellationToken cancellationToken) =>
        await OfAsync(team, session.Enrolments.ToList(), cancellationToken);

    public static async Task<IReadOnlyList<(Enrolment Enrolment, Guid UserId)>> OfAsync(IProjectTeam team, IReadOnlyList<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        var members = (await team.MembersOfAsync(enrolments.Select(e => e.ProjectId).ToList(), cancellationToken)).ToLookup(m => m.ProjectId);
        return enrolments.SelectMany(e => new[] { (e, e.ApplicantUserId) }.Concat(members[e.ProjectId].Select(m => (e, m.UserId)))).ToList();
    }
}
