using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record SeasonCalendar(Guid SeasonId) : IRequest<string>;

/// <summary>A season's training days as an iCalendar feed.</summary>
internal sealed class SeasonCalendarHandler(TrainingStore store, TrainingsDbContext db, TrainingAccess access, TimeProvider time) : IRequestHandler<SeasonCalendar, string>
{
    public async Task<string> Handle(SeasonCalendar request, CancellationToken cancellationToken)
    {
        await access.EnsureSeasonVisibleAsync(request.SeasonId, cancellationToken);
        var season = await store.SeasonAsync(request.SeasonId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.SeasonId == request.SeasonId).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return TrainingCalendar.Write($"Formations – {season.Name}", sessions, time.GetUtcNow());
    }
}
