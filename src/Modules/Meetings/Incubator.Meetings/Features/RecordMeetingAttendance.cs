using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Contracts;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Features;

/// <summary>A lead ticks who came, once the meeting has started; the counts are published for the funders' report.</summary>
internal sealed record RecordMeetingAttendance(Guid MeetingId, MeetingAttendanceInput Input) : IRequest<IReadOnlyList<RegistrantDto>>;

internal sealed class RecordMeetingAttendanceHandler(MeetingsDbContext db, TimeProvider time, IMediator mediator)
    : IRequestHandler<RecordMeetingAttendance, IReadOnlyList<RegistrantDto>>
{
    public async Task<IReadOnlyList<RegistrantDto>> Handle(RecordMeetingAttendance request, CancellationToken cancellationToken)
    {
        if (request.Input.RegistrationIds is not { } came)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["registrationIds"] = [L("La liste des personnes venues est attendue (éventuellement vide).", "The list of the people who came is expected (possibly empty).")],
            });
        }

        var meeting = await db.InformationMeetings.FirstOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken)
            ?? throw new NotFoundException(L("Réunion introuvable.", "Meeting not found."));
        var now = time.GetUtcNow();
        meeting.RecordAttendance(came.ToHashSet(), now);
        db.AddToOutbox(new InformationMeetingAttendanceRecorded(meeting.Id, meeting.SeasonId, meeting.StartsAt, meeting.Seated, meeting.AttendedCount,
            meeting.AttendanceRevision) { OccurredAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new ListRegistrations(meeting.Id), cancellationToken);
    }
}
