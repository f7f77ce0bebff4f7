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
