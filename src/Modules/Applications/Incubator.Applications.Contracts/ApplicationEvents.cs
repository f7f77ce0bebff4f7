using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Applications.Contracts;

public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid SeasonId,
    Guid ApplicantUserId,
    string ProjectName,
    string DepartmentCode,
    DateTimeOffset SubmittedAt) : IntegrationEvent;

public enum ApplicationDecision
{
    Shortlisted,
    Selected,
    Waitlisted,
    Rejected,
}

public sealed record ApplicationDecided(
    Guid ApplicationId,
    Guid SeasonId,
    Guid ApplicantUserId,
    string ProjectName,
    string DepartmentCode,
    ApplicationDecision Decision,
    string? Reason,
    DateTimeOffset DecidedAt) : IntegrationEvent;

public sealed record ApplicationWithdrawn(Guid ApplicationId, Guid SeasonId, DateTimeOffset WithdrawnAt) : IntegrationEvent;

/// <summary>
/// An application's personal content was erased (its applicant left, or it was rejected long ago): whoever
/// copied its name or its people's details erases them too.
/// </summary>
public sealed record ApplicationAnonymised(Guid ApplicationId, Guid SeasonId) : IntegrationEvent;
