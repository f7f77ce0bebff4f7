using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;

namespace Incubator.Trainings.Features;

/// <summary>A moved or cancelled session, told to its participants through the outbox in the same transaction as the change.</summary>
internal static class SessionChanges
{
    public static void Publish(TrainingsDbContext db, TrainingSession session, string change, SessionSlot before, DateTimeOffset now) =>
        db.AddToOutbox(new TrainingSessionChanged(
            session.Id, session.SeasonId, change, session.ChangeReason!, session.Title, before.StartsAt, before.EndsAt, before.Place,
            session.StartsAt, session.EndsAt, session.Location, session.Mode.ToString(), session.RemoteUrl, session.Sequence,
            session.Enrolments.Select(e => new EnrolledParticipant(e.ProjectId, e.ProjectName, e.ApplicantUserId)).ToList(),
            TrainingCalendar.Write(session.Title, [session], now))
        {
            OccurredAt = now,
        });
}
