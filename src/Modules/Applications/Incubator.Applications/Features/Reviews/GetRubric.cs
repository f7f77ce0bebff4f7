using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record GetRubric(Guid SeasonId) : IRequest<RubricDto>;

internal sealed class GetRubricHandler(ReviewAccess access) : IRequestHandler<GetRubric, RubricDto>
{
    public async Task<RubricDto> Handle(GetRubric request, CancellationToken cancellationToken)
    {
        if (!await access.MayReviewSeasonAsync(request.SeasonId, cancellationToken))
        {
            throw new NotFoundException(L("Saison introuvable.", "Season not found."));
        }

        return await access.RubricDtoAsync(await access.RubricAsync(request.SeasonId, cancellationToken), cancellationToken);
    }
}
