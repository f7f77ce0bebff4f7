using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record PlanSeries(Guid SeasonId, SeriesInput Input) : IRequest<SeriesDto>;

internal sealed class PlanSeriesValidator : AbstractValidator<PlanSeries>
{
    public PlanSeriesValidator()
    {
        SessionRules.Common(this, r => r.Input.Title, r => r.Input.Topic, r => r.Input.Capacity, r => r.Input.Mode, r => r.Input.Venue, r => r.Input.Trainer);
        RuleFor(r => r.Input.FirstStartsAt).NotNull().OverridePropertyName("firstStartsAt");
        RuleFor(r => r.Input.DurationHours).NotNull().GreaterThan(0).LessThanOrEqualTo(TrainingSession.MaxHours).OverridePropertyName("durationHours");
        RuleFor(r => r.Input.Count).NotNull().InclusiveBetween(1, MonthlySeries.MaxCount).OverridePropertyName("count");
    }
}

/// <summary>Training days planned once a month; the approved cohort is enrolled in each.</summary>
internal sealed class PlanSeriesHandler(TrainingStore store, TrainingsDbContext db, TimeProvider time) : IRequestHandler<PlanSeries, SeriesDto>
{
    public async Task<SeriesDto> Handle(PlanSeries request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var season = await store.SeasonAsync(request.SeasonId, cancellationToken);
        var starts = MonthlySeries.Starts(input.FirstStartsAt!.Value, input.Count!.Value, input.SkipMonths ?? [8]);
        var venue = await store.VenueAsync(input.VenueId, input.Venue, cancellationToken);
        var trainer = await store.TrainerAsync(input.TrainerId, input.Trainer, cancellationToken);
        var now = time.GetUtcNow();
        var seriesId = Guid.NewGuid();
        var duration = TimeSpan.FromHours((double)input.DurationHours!.Value);
        var mode = Enum.Parse<TrainingMode>(input.Mode!, ignoreCase: true);
        var sessions = new List<TrainingSession>();
        foreach (var start in starts)
        {
            try
            {
                sessions.Add(TrainingSession.Plan(request.SeasonId, seriesId,
                    new SessionPlan(input.Title!, input.Topic, start, start + duration, venue?.Id, venue?.ToPlace(), trainer?.ToRef(), input.Capacity!.Value, mode, input.RemoteUrl),
                    season.StartsOn, season.EndsOn, now));
            }
            catch (DomainException ex) when (ex.Field == "startsAt")
            {
                // Name the series' own field: the n-th date is the one that overflows the season.
                throw new DomainException(ex.Message, sessions.Count == 0 ? "firstStartsAt" : "count");
            }
        }

        await store.EnrolCohortAsync(sessions, cancellationToken);
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
        return new SeriesDto(sessions.Select(s => s.Id).ToList());
    }
}
