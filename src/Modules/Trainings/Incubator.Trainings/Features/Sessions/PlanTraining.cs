using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record PlanTraining(Guid SeasonId, TrainingInput Input) : IRequest<TrainingDto>;

internal sealed class PlanTrainingValidator : AbstractValidator<PlanTraining>
{
    public PlanTrainingValidator()
    {
        SessionRules.Common(this, r => r.Input.Title, r => r.Input.Topic, r => r.Input.Capacity, r => r.Input.Mode, r => r.Input.Venue, r => r.Input.Trainer);
        RuleFor(r => r.Input.StartsAt).NotNull().OverridePropertyName("startsAt");
        RuleFor(r => r.Input.EndsAt).NotNull().OverridePropertyName("endsAt");
    }
}

/// <summary>One training day planned; the approved cohort is enrolled in it.</summary>
internal sealed class PlanTrainingHandler(TrainingStore store, TrainingsDbContext db, TimeProvider time) : IRequestHandler<PlanTraining, TrainingDto>
{
    public async Task<TrainingDto> Handle(PlanTraining request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var season = await store.SeasonAsync(request.SeasonId, cancellationToken);
        var venue = await store.VenueAsync(input.VenueId, input.Venue, cancellationToken);
        var trainer = await store.TrainerAsync(input.TrainerId, input.Trainer, cancellationToken);
        var now = time.GetUtcNow();
        var session = TrainingSession.Plan(request.SeasonId, null,
            new SessionPlan(input.Title!, input.Topic, input.StartsAt!.Value, input.EndsAt!.Value, venue?.Id, venue?.ToPlace(), trainer?.ToRef(),
                input.Capacity!.Value, Enum.Parse<TrainingMode>(input.Mode!, ignoreCase: true), input.RemoteUrl),
            season.StartsOn, season.EndsOn, now);
        await store.EnrolCohortAsync([session], cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(session, cancellationToken);
    }
}
