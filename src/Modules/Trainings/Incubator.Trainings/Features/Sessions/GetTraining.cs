using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record GetTraining(Guid Id) : IRequest<TrainingDto>;

/// <summary>One training day with its enrolments and attendance sheet.</summary>
internal sealed class GetTrainingHandler(TrainingStore store) : IRequestHandler<GetTraining, TrainingDto>
{
    public async Task<TrainingDto> Handle(GetTraining request, CancellationToken cancellationToken) =>
        await store.DetailAsync(await store.SessionAsync(request.Id, tracking: false, cancellationToken), cancellationToken);
}
