using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;

namespace Incubator.Seasons.Features.Seasons;

internal sealed record OpenApplications(Guid SeasonId) : IRequest<SeasonDto>;

internal sealed record CloseApplications(Guid SeasonId) : IRequest<SeasonDto>;

internal sealed class ApplicationWindowHandlers(SeasonsDbContext db, TimeProvider time)
    : IRequestHandler<OpenApplications, SeasonDto>, IRequestHandler<CloseApplications, SeasonDto>
{
    public Task<SeasonDto> Handle(OpenApplications request, CancellationToken cancellationToken) =>
        Change(request.SeasonId, s => s.OpenApplications(time.GetUtcNow()), cancellationToken);

    public Task<SeasonDto> Handle(CloseApplications request, CancellationToken cancellationToken) =>
        Change(request.SeasonId, s => s.CloseApplications(time.GetUtcNow()), cancellationToken);

    private async Task<SeasonDto> Change(Guid seasonId, Action<Season> change, CancellationToken cancellationToken)
    {
        var season = await db.SeasonAsync(seasonId, tracking: true, cancellationToken);
        change(season);
        await db.SaveChangesAsync(cancellationToken);
        return await SeasonDto.LoadAsync(db, season, cancellationToken);
    }
}
