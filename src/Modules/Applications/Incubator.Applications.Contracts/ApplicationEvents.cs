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

/// <summary>
/// A mail is due to the applicant about their jury interview: <see cref="Kind"/> is Invited (a slot to confirm, with the
/// invitation), Choose (a link to choose a free slot), Confirmed (the slot they confirmed or chose, with the invitation) or
/// Released (the slot they gave back: the invitation cancels it in their calendar; the program leads are told, with
/// <see cref="Message"/>, the applicant's word). <see cref="Calendar"/> is iCalendar text.
/// </summary>
public sealed record InterviewMailDue(
    Guid InterviewId,
    Guid ApplicationId,
    Guid SeasonId,
    Guid ApplicantUserId,
    string Kind,
    string ProjectName,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Place,
    string? RemoteUrl,
    string? Calendar,
    string? Message = null) : IntegrationEvent;

/// <summary>
/// A project's holder invites a team member to take part with their own account: the mail carries the link
/// <c>/projects/join/{Token}</c>, which the person opens once signed in (or after creating their account).
/// </summary>
public sealed record ProjectMemberInvited(Guid MemberId, Guid ProjectId, Guid SeasonId, string ProjectName, string Name, string Email, string Token,
    string HolderName) : IntegrationEvent;

/// <summary>A jury member gave their recommendation after an application's interview: the interview took place.</summary>
public sealed record ApplicationInterviewed(Guid ApplicationId, Guid SeasonId, DateTimeOffset InterviewedAt) : IntegrationEvent;
