using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Seasons.Contracts;

public sealed record SeasonOpenedForApplications(
    Guid SeasonId,
    Guid ProgramId,
    string SeasonName,
    DateTimeOffset ApplicationsOpenAt,
    DateTimeOffset ApplicationsCloseAt) : IntegrationEvent;

public sealed record ApplicationWindowClosed(Guid SeasonId, DateTimeOffset ClosedAt) : IntegrationEvent;

/// <summary>The pivot of the program: coaching assignment, training enrolment and funder indicators start here.</summary>
public sealed record CohortApproved(
    Guid SeasonId,
    Guid ApprovedBy,
    IReadOnlyList<CohortProject> Projects) : IntegrationEvent;

/// <summary>A project of the cohort; <see cref="ProjectId"/> is the id of the application it came from.</summary>
public sealed record CohortProject(Guid ProjectId, string ProjectName, string DepartmentCode, Guid ApplicantUserId);

public sealed record SeasonStarted(Guid SeasonId, DateOnly StartsOn) : IntegrationEvent;
