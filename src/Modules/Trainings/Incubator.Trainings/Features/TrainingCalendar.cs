using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;

namespace Incubator.Trainings.Features;

/// <summary>Sessions as iCalendar: a moved session keeps its UID with a higher SEQUENCE, a cancelled one is STATUS:CANCELLED.</summary>
internal static class TrainingCalendar
{
    public const string ContentType = Calendars.ContentType;

    public static string Write(string name, IEnumerable<TrainingSession> sessions, DateTimeOffset now) =>
        Calendars.Write("-//Incubator//Formations collectives//FR", sessions.Select(ToItem), now, name);

    private static CalendarItem ToItem(TrainingSession session)
    {
        var description = string.Join("\n", new[]
        {
            session.Cancelled ? $"Annulée / Cancelled : {session.ChangeReason}" : session.ChangeReason is { } why ? $"Modifiée / Changed : {why}" : null,
            session.Topic,
            session.Trainer is { } trainer ? $"Intervenant·e / Trainer : {trainer.Name}{(trainer.Organisation is null ? string.Empty : $" ({trainer.Organisation})")}" : null,
            session.RemoteUrl is { } url ? $"À distance / Remote : {url}" : null,
        }.Where(line => !string.IsNullOrWhiteSpace(line)));
        return new CalendarItem($"{session.Id:N}@incubator", session.Cancelled ? $"Annulé / Cancelled : {session.Title}" : session.Title, description,
            session.Mode == TrainingMode.Remote ? session.RemoteUrl ?? session.Location : session.Location, session.RemoteUrl,
            session.StartsAt, session.EndsAt, session.Sequence, session.Cancelled);
    }
}
