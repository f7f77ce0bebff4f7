using FluentValidation;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;

namespace Incubator.Trainings.Features;

internal sealed record CancelTraining(Guid Id, CancelInput Input) : IRequest<TrainingDto>;

internal sealed class CancelTrainingValidator : AbstractValidator<CancelTraining>
{
    public CancelTrainingValidator() =>
        RuleFor(r => r.Input.Reason).NotEmpty().MaximumLength(TrainingSession.ReasonMax).OverridePropertyName("reason");
}

/// <summary>
/// A training day cancelled by a lead, for a reason (issue 25): no reminder any more, each participant is told, and
/// the calendars show the event cancelled. A session whose attendance sheet is recorded took place: 409.
/// </summary>
internal sealed class CancelTrainingHandler(TrainingStore store, TrainingsDbContext db, ICurrentUser user, TimeProvider time, IProjectTeam team) : IRequestHandler<CancelTraining, TrainingDto>
{
    public async Task<TrainingDto> Handle(CancelTraining request, CancellationToken cancellationToken)
    {
        var session = await store.SessionAsync(request.Id, tracking: true, cancellationToken);
        var now = time.GetUtcNow();
        var before = session.Cancel(request.Input.Reason!, now);
        await SessionChanges.PublishAsync(db, team, session, "Cancelled", before, now, cancellationToken);
        db.Audit(user, time, "training.cancelled", session.Id, session.Title, $"{before.StartsAt:u}: {session.ChangeReason}");
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(session, cancellationToken);
    }
}
