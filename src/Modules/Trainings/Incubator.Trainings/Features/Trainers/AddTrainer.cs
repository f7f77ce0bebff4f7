using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record AddTrainer(TrainerInput Input) : IRequest<TrainerDto>;

internal sealed class AddTrainerValidator : AbstractValidator<AddTrainer>
{
    public AddTrainerValidator() => ListRules.Trainer(this, r => r.Input, string.Empty);
}

/// <summary>A trainer added to the list (or the one of that name and organisation already there).</summary>
internal sealed class AddTrainerHandler(TrainingStore store, TrainingsDbContext db) : IRequestHandler<AddTrainer, TrainerDto>
{
    public async Task<TrainerDto> Handle(AddTrainer request, CancellationToken cancellationToken)
    {
        var trainer = await store.TrainerAsync(null, request.Input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new TrainerDto(trainer!.Id, trainer.Name, trainer.Organisation, trainer.FromTerritory);
    }
}
