using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record ListTrainers : IRequest<IReadOnlyList<TrainerDto>>;

/// <summary>The list of trainers, by name.</summary>
internal sealed class ListTrainersHandler(TrainingsDbContext db) : IRequestHandler<ListTrainers, IReadOnlyList<TrainerDto>>
{
    public async Task<IReadOnlyList<TrainerDto>> Handle(ListTrainers request, CancellationToken cancellationToken) =>
        (await db.Trainers.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .Select(t => new TrainerDto(t.Id, t.Name, t.Organisation, t.FromTerritory)).ToList();
}
