using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record AddVenue(VenueInput Input) : IRequest<VenueDto>;

internal sealed class AddVenueValidator : AbstractValidator<AddVenue>
{
    public AddVenueValidator() => ListRules.Venue(this, r => r.Input, string.Empty);
}

/// <summary>A venue added to the list (or the one of that name and town already there).</summary>
internal sealed class AddVenueHandler(TrainingStore store, TrainingsDbContext db) : IRequestHandler<AddVenue, VenueDto>
{
    public async Task<VenueDto> Handle(AddVenue request, CancellationToken cancellationToken)
    {
        var venue = await store.VenueAsync(null, request.Input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TrainingMapping.ToDto(venue!);
    }
}
