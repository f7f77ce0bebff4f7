using Incubator.Applications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed record ListInterviewSlots(Guid SeasonId) : IRequest<IReadOnlyList<InterviewSlotDto>>;

/// <summary>The season's slots in time order, each with the project it holds: for the lead and the jury.</summary>
internal sealed class ListInterviewSlotsHandler(ApplicationsDbContext db, InterviewAccess access) : IRequestHandler<ListInterviewSlots, IReadOnlyList<InterviewSlotDto>>
{
    public async Task<IReadOnlyList<InterviewSlotDto>> Handle(ListInterviewSlots request, CancellationToken cancellationToken)
    {
        await access.EnsureLeadOrJuryAsync(request.SeasonId, cancellationToken);
        var rows = await (
                from s in db.InterviewSlots.AsNoTracking().Where(s => s.SeasonId == request.SeasonId)
                join i in db.Interviews.AsNoTracking() on (Guid?)s.Id equals i.SlotId into held
                from i in held.DefaultIfEmpty()
                join a in db.Applications.AsNoTracking() on i.ApplicationId equals a.Id into projects
                from a in projects.DefaultIfEmpty()
                select new { Slot = s, Interview = i, a.ProjectName })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Slot.StartsAt)
            .Select(r => InterviewAccess.ToDto(r.Slot, r.Interview?.ApplicationId, r.ProjectName, r.Interview?.Status))
            .ToList();
    }
}
