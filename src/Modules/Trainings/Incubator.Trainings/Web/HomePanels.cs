using Incubator.Trainings.Features;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Trainings.Web;

public sealed record UpcomingPage(IReadOnlyList<MyTrainingDto> Mine, IReadOnlyList<TrainingSummaryDto> Upcoming);

/// <summary>The participant's next collective trainings.</summary>
public sealed class ApplicantTrainingsPanel(IMediator mediator, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = time.GetUtcNow();
        var next = (await mediator.Send(new MyTrainings(), HttpContext.RequestAborted)).Where(s => s.EndsAt > now).Take(3).ToList();
        return next.Count == 0 ? Content(string.Empty) : View("/Areas/Trainings/Views/Home/Upcoming.cshtml", new UpcomingPage(next, []));
    }
}

/// <summary>The lead's training days of the next 30 days, with their enrolment.</summary>
public sealed class LeadTrainingsPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Areas/Trainings/Views/Home/Upcoming.cshtml", new UpcomingPage([], await mediator.Send(new UpcomingTrainings(30), HttpContext.RequestAborted)));
}

internal sealed record UpcomingTrainings(int Days) : IRequest<IReadOnlyList<TrainingSummaryDto>>;

internal sealed class UpcomingTrainingsHandler(TrainingsDbContext db, TimeProvider time) : IRequestHandler<UpcomingTrainings, IReadOnlyList<TrainingSummaryDto>>
{
    public async Task<IReadOnlyList<TrainingSummaryDto>> Handle(UpcomingTrainings request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now.AddDays(request.Days);
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.EndsAt > now && s.StartsAt <= until)
            .OrderBy(s => s.StartsAt)
            .Take(10)
            .ToListAsync(cancellationToken);
        return sessions.Select(s => new TrainingSummaryDto(s.Id, s.SeasonId, s.Title, s.Topic, s.StartsAt, s.EndsAt,
            s.Place is null ? null : new PlaceDto(s.Place.Name, s.Place.Address, s.Place.Town), null, s.Mode.ToString(), s.Capacity, s.Enrolments.Count, s.Held, s.AttendanceRate,
            TrainingMapping.Status(s), s.ChangeReason)).ToList();
    }
}
