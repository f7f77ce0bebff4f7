using FluentValidation;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;

namespace Incubator.Trainings.Features;

internal sealed record MoveTraining(Guid Id, MoveInput Input) : IRequest<TrainingDto>;

internal sealed class MoveTrainingValidator : AbstractValidator<MoveTraining>
{
    public MoveTrainingValidator()
    {
        RuleFor(r => r.Input.Reason).NotEmpty().MaximumLength(TrainingSession.ReasonMax).OverridePropertyName("reason");
        RuleFor(r => r.Input.Mode).IsEnumName(typeof(TrainingMode), caseSensitive: false).When(r => r.Input.Mode is not null).OverridePropertyName("mode");
        ListRules.Venue(this, r => r.Input.Venue, "venue.");
        ListRules.Trainer(this, r => r.Input.Trainer, "trainer.");
    }
}

/// <summary>
/// A training day moved by a lead (issue 25): another day or hour, venue, trainer or mode, for a reason. It keeps its
/// enrolments; each participant is told, with the invitation of the same event at a higher revision.
/// </summary>
internal sealed class MoveTrainingHandler(TrainingStore store, TrainingsDbContext db, ICurrentUser user, TimeProvider time, IProjectTeam team) : IRequestHandler<MoveTraining, TrainingDto>
{
    public async Task<TrainingDto> Handle(MoveTraining request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var session = await store.SessionAsync(request.Id, tracking: true, cancellationToken);
        var season = await store.SeasonAsync(session.SeasonId, cancellationToken);
        var venue = await store.VenueAsync(input.VenueId, input.Venue, cancellationToken);
        var trainer = await store.TrainerAsync(input.TrainerId, input.Trainer, cancellationToken);
        var mode = input.Mode is null ? session.Mode : Enum.Parse<TrainingMode>(input.Mode, ignoreCase: true);
        var plan = new SessionPlan(session.Title, session.Topic, input.StartsAt ?? session.StartsAt, input.EndsAt ?? session.EndsAt,
            venue is null ? session.VenueId : venue.Id, venue?.ToPlace() ?? session.Place, trainer?.ToRef() ?? session.Trainer, session.Capacity, mode,
            input.RemoteUrl ?? session.RemoteUrl);
        var now = time.GetUtcNow();
        if (session.Move(plan, input.Reason!, season.StartsOn, season.EndsOn, now) is { } before)
        {
            await SessionChanges.PublishAsync(db, team, session, "Moved", before, now, cancellationToken);
            db.Audit(user, time, "training.moved", session.Id, session.Title, $"{before.StartsAt:u} → {session.StartsAt:u}: {session.ChangeReason}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return await store.DetailAsync(session, cancellationToken);
    }
}
