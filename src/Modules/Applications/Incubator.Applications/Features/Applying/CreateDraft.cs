using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Seasons.Contracts;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record CreateDraft(Guid SeasonId, ApplicationInput Input) : IRequest<ApplicationDto>;

internal sealed class CreateDraftHandler(ApplicationsDbContext db, ISeasonDirectory seasons, ICurrentUser user, TimeProvider time) : IRequestHandler<CreateDraft, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(CreateDraft request, CancellationToken cancellationToken)
    {
        var season = await seasons.FindAsync(request.SeasonId, cancellationToken);
        if (season is null || season.Status != "ApplicationsOpen")
        {
            throw new NotFoundException(L("Aucun appel ouvert pour cette saison.", "No open call for this season."));
        }

        var application = Application.Draft(request.SeasonId, user.RequiredId(), request.Input.ToAnswers(), time.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }
}
