using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Seasons;

/// <summary>Plans a new season (<see cref="SeasonId"/> null) or replans an existing one.</summary>
internal sealed record SaveSeason(Guid? SeasonId, SeasonInput Input) : IRequest<SeasonDto>;

internal sealed class SaveSeasonValidator : AbstractValidator<SaveSeason>
{
    public SaveSeasonValidator()
    {
        RuleFor(r => r.Input.ProgramId).NotEmpty().When(r => r.SeasonId is null).OverridePropertyName("programId");
        RuleFor(r => r.Input.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(r => r.Input.StartsOn).NotNull().OverridePropertyName("startsOn");
        RuleFor(r => r.Input.ApplicationsOpenAt).NotNull().OverridePropertyName("applicationsOpenAt");
        RuleFor(r => r.Input.ApplicationsCloseAt).NotNull().OverridePropertyName("applicationsCloseAt");
        RuleFor(r => r.Input.StartsOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).OverridePropertyName("startsOn");
        RuleFor(r => r.Input.EndsOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).OverridePropertyName("endsOn");
        RuleFor(r => r.Input.Capacity).InclusiveBetween(1, Season.MaxCapacity).OverridePropertyName("capacity");
    }
}

internal sealed class SaveSeasonHandler(SeasonsDbContext db, TimeProvider time) : IRequestHandler<SaveSeason, SeasonDto>
{
    public async Task<SeasonDto> Handle(SaveSeason request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var plan = new SeasonPlan(input.Name!, input.StartsOn!.Value, input.EndsOn, input.ApplicationsOpenAt!.Value, input.ApplicationsCloseAt!.Value, input.Capacity);
        Season season;
        if (request.SeasonId is { } id)
        {
            season = await db.SeasonAsync(id, tracking: true, cancellationToken);
            season.Replan(plan);
        }
        else
        {
            var programExists = await db.Programs.AnyAsync(p => p.Id == input.ProgramId, cancellationToken);
            if (!programExists)
            {
                throw new DomainException(Texts.L("Programme introuvable.", "Program not found."), "programId");
            }

            season = Season.Plan(input.ProgramId!.Value, plan, time.GetUtcNow());
            db.Seasons.Add(season);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await SeasonDto.LoadAsync(db, season, cancellationToken);
    }
}
