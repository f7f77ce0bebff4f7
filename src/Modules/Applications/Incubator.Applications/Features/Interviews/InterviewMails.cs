using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;

namespace Incubator.Applications.Features;

/// <summary>
/// The applicant's mail about their interview goes through the outbox in the transaction that decides it (exactly once).
/// Its invitation keeps one UID per interview: a new slot replaces the old one in the applicant's calendar, a slot given
/// back is cancelled there.
/// </summary>
internal static class InterviewMails
{
    public static void Publish(ApplicationsDbContext db, Interview interview, Application application, string kind, InterviewSlot? slot, InterviewSlot? given,
        DateTimeOffset now)
    {
        var shown = slot ?? given;
        var calendar = slot is not null ? Invitation(interview, application, slot, cancelled: false, now)
            : given is not null ? Invitation(interview, application, given, cancelled: true, now)
            : null;
        db.AddToOutbox(new InterviewMailDue(interview.Id, application.Id, application.SeasonId, application.ApplicantUserId, kind, application.ProjectName ?? string.Empty,
            shown?.StartsAt, shown?.EndsAt, shown?.Place, shown?.RemoteUrl, calendar, kind == "Released" ? interview.Message : null) { OccurredAt = now });
    }

    private static string Invitation(Interview interview, Application application, InterviewSlot slot, bool cancelled, DateTimeOffset now) =>
        Calendars.Write("-//Incubator//Entretiens//FR",
        [
            new CalendarItem($"{interview.Id:N}@incubator-interview",
                (cancelled ? "Annulé / Cancelled : " : string.Empty) + $"Entretien avec le jury / Jury interview : {application.ProjectName}",
                slot.RemoteUrl is { } url ? $"Visioconférence / Video: {url}" : null, slot.Place ?? slot.RemoteUrl, slot.RemoteUrl, slot.StartsAt, slot.EndsAt,
                interview.Sequence, cancelled),
        ], now);
}
