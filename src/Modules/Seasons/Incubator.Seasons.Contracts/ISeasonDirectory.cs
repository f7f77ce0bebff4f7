using Incubator.BuildingBlocks.Application;

namespace Incubator.Seasons.Contracts;

/// <summary>What other modules may read of a season, e.g. its application window at submission time.</summary>
public interface ISeasonDirectory
{
    Task<SeasonSummary?> FindAsync(Guid seasonId, CancellationToken cancellationToken);

    /// <summary>Every approved cohort and its projects, as <see cref="CohortApproved"/> carried them: for the consistency check.</summary>
    Task<IReadOnlyList<ApprovedCohort>> ApprovedCohortsAsync(CancellationToken cancellationToken);

    /// <summary>The program's name, or null when there is no such program.</summary>
    Task<string?> ProgramNameAsync(Guid programId, CancellationToken cancellationToken);

    /// <summary>Every season of a program, oldest first: a program's track record lists its cohorts side by side.</summary>
    Task<IReadOnlyList<SeasonSummary>> SeasonsOfProgramAsync(Guid programId, CancellationToken cancellationToken);
}

public static class SeasonDirectoryExtensions
{
    /// <summary>The season, or "not found" (404) for every module that needs one to go on.</summary>
    public static async Task<SeasonSummary> RequireAsync(this ISeasonDirectory seasons, Guid seasonId, CancellationToken cancellationToken) =>
        await seasons.FindAsync(seasonId, cancellationToken)
            ?? throw new NotFoundException(Texts.L("Saison introuvable.", "Season not found."));
}

public sealed record ApprovedCohort(Guid SeasonId, IReadOnlyList<CohortProject> Projects);

public sealed record SeasonSummary(
    Guid Id,
    Guid ProgramId,
    string Name,
    string Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset ApplicationsOpenAt,
    DateTimeOffset ApplicationsCloseAt,
    int? Capacity)
{
    /// <summary>The window as the server's clock sees it, to the second, whatever the scheduled sweep did.</summary>
    public bool AcceptsApplicationsAt(DateTimeOffset instant) =>
        Status == "ApplicationsOpen" && instant >= ApplicationsOpenAt && instant < ApplicationsCloseAt;
}
