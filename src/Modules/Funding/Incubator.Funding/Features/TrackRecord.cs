using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

/// <summary>A program's track record: the outcomes of each of its cohorts side by side, oldest first.</summary>
public sealed record TrackRecordDto(Guid ProgramId, string ProgramName, IReadOnlyList<CohortOutcomes> Cohorts);

internal sealed record GetTrackRecord(Guid ProgramId) : IRequest<TrackRecordDto>;

/// <summary>What a funder asks for when the structure applies again: every cohort of the program, and what became of it.</summary>
internal sealed class GetTrackRecordHandler(FundingDbContext db, ISeasonDirectory seasons) : IRequestHandler<GetTrackRecord, TrackRecordDto>
{
    public async Task<TrackRecordDto> Handle(GetTrackRecord request, CancellationToken cancellationToken)
    {
        var name = await seasons.ProgramNameAsync(request.ProgramId, cancellationToken) ?? throw new NotFoundException(L("Programme introuvable.", "Program not found."));
        return new TrackRecordDto(request.ProgramId, name, await TrackRecords.CohortsAsync(db, seasons, request.ProgramId, cancellationToken));
    }
}

internal static class TrackRecords
{
    /// <summary>The program's seasons with an approved cohort, oldest first, each with its outcomes (three queries in all).</summary>
    public static async Task<IReadOnlyList<CohortOutcomes>> CohortsAsync(FundingDbContext db, ISeasonDirectory seasons, Guid programId, CancellationToken cancellationToken) =>
        (await ReadAsync(db, seasons, programId, cancellationToken)).Cohorts;

    /// <summary>
    /// The same, with the questionnaires' rows of every season of the program: the funder report takes its own season's
    /// outcomes from them rather than reading them again.
    /// </summary>
    public static async Task<(IReadOnlyList<CohortOutcomes> Cohorts, ILookup<Guid, OutcomeRow> RowsBySeason)> ReadAsync(FundingDbContext db, ISeasonDirectory seasons,
        Guid programId, CancellationToken cancellationToken)
    {
        var all = await seasons.SeasonsOfProgramAsync(programId, cancellationToken);
        var ids = all.Select(s => s.Id).ToList();
        var projects = await ProjectsBySeason(db, ids).ToDictionaryAsync(x => x.SeasonId, x => x.Projects, cancellationToken);
        var rows = (await OutcomeFigures.OfProgram(db, programId).ToListAsync(cancellationToken)).ToLookup(r => r.SeasonId);
        var cohorts = all.Where(s => projects.ContainsKey(s.Id))
            .Select(s => new CohortOutcomes(s.Id, s.Name, s.StartsOn, s.EndsOn, projects[s.Id], OutcomeFigures.Compute(rows[s.Id].ToList())))
            .ToList();
        return (cohorts, rows);
    }

    /// <summary>How many projects each season's approved cohort counts.</summary>
    public static IQueryable<SeasonProjects> ProjectsBySeason(FundingDbContext db, IReadOnlyCollection<Guid> seasonIds) =>
        db.Projects.AsNoTracking().Where(p => seasonIds.Contains(p.SeasonId)).GroupBy(p => p.SeasonId).Select(g => new SeasonProjects(g.Key, g.Count()));
}

internal sealed record SeasonProjects(Guid SeasonId, int Projects);
