using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record ListTrainings(Guid SeasonId) : IRequest<IReadOnlyList<TrainingSummaryDto>>;

/// <summary>A season's training days, in date order.</summary>
internal sealed class ListTrainingsHandler(TrainingsDbContext db, TrainingAccess access) : IRequestHandler<ListTrainings, IReadOnlyList<TrainingSummaryDto>>
{
    public async Task<IReadOnlyList<TrainingSummaryDto>> Handle(ListTrainings request, CancellationToken cancellationToken)
    {
        await access.EnsureSeasonVisibleAsync(request.SeasonId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.SeasonId == request.SeasonId)
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        return sessions.Select(s => new TrainingSummaryDto(s.Id, s.SeasonId, s.Title, s.Topic, s.StartsAt, s.EndsAt, TrainingMapping.ToDto(s.Place), TrainingMapping.ToDto(s.Trainer),
            s.Mode.ToString(), s.Capacity, s.Enrolments.Count, s.Held, s.AttendanceRate, TrainingMapping.Status(s), s.ChangeReason)).ToList();
    }
}
