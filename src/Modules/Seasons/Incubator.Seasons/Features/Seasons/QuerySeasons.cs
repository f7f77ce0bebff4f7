using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Seasons;

/// <summary>Seasons as a list. Drafts are for program leads; everyone else sees published calls and seasons.</summary>
internal sealed record ListSeasons(bool IncludeDrafts, Guid? ProgramId = null) : IRequest<IReadOnlyList<SeasonDto>>;

internal sealed class ListSeasonsHandler(SeasonsDbContext db) : IRequestHandler<ListSeasons, IReadOnlyList<SeasonDto>>
{
    public async Task<IReadOnlyList<SeasonDto>> Handle(ListSeasons request, CancellationToken cancellationToken)
    {
        var query = db.Seasons.AsNoTracking();
        if (!request.IncludeDrafts)
        {
            query = query.Where(s => s.Status != SeasonStatus.Draft);
        }

        if (request.ProgramId is { } programId)
        {
            query = query.Where(s => s.ProgramId == programId);
        }

        var rows = await query
            .Join(db.Programs, s => s.ProgramId, p => p.Id, (s, p) => new { Season = s, ProgramName = p.Name })
            .OrderByDescending(x => x.Season.StartsOn).ThenBy(x => x.Season.Name)
            .ToListAsync(cancellationToken);
        return rows.Select(x => SeasonDto.From(x.Season, x.ProgramName)).ToList();
    }
}

internal sealed record GetSeason(Guid Id, bool IncludeDrafts) : IRequest<SeasonDto>;

internal sealed class GetSeasonHandler(SeasonsDbContext db) : IRequestHandler<GetSeason, SeasonDto>
{
    public async Task<SeasonDto> Handle(GetSeason request, CancellationToken cancellationToken)
    {
        var row = await db.Seasons.AsNoTracking()
            .Where(s => s.Id == request.Id && (request.IncludeDrafts || s.Status != SeasonStatus.Draft))
            .Join(db.Programs, s => s.ProgramId, p => p.Id, (s, p) => new { Season = s, ProgramName = p.Name })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Texts.L("Saison introuvable.", "Season not found."));
        return SeasonDto.From(row.Season, row.ProgramName);
    }
}
