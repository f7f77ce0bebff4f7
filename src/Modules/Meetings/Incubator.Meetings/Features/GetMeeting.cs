using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Features;

/// <summary>One information meeting, as anyone reads it.</summary>
internal sealed record GetMeeting(Guid Id) : IRequest<MeetingDto>;

internal sealed class GetMeetingHandler(MeetingsDbContext db) : IRequestHandler<GetMeeting, MeetingDto>
{
    public async Task<MeetingDto> Handle(GetMeeting request, CancellationToken cancellationToken) =>
        MeetingMapping.ToDto(await db.InformationMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException(L("Réunion introuvable.", "Meeting not found.")));
}
