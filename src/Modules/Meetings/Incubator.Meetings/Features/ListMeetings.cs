using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Meetings.Features;

/// <summary>A season's information meetings in date order, past ones too when asked; for anyone, signed in or not.</summary>
internal sealed record ListMeetings(Guid SeasonId, bool IncludePast) : IRequest<IReadOnlyList<MeetingDto>>;

internal sealed class ListMeetingsHandler(MeetingsDbContext db, TimeProvider time) : IRequestHandler<ListMeetings, IReadOnlyList<MeetingDto>>
{
    public async Task<IReadOnlyList<MeetingDto>> Handle(ListMeetings request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var meetings = await db.InformationMeetings.AsNoTracking()
            .Where(m => m.SeasonId == request.SeasonId && (request.IncludePast || m.EndsAt > now))
            .OrderBy(m => m.StartsAt)
            .ToListAsync(cancellationToken);
        return meetings.Select(MeetingMapping.ToDto).ToList();
    }
}
