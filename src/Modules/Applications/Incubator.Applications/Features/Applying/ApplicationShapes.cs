using Incubator.Applications.Domain;
using Incubator.BuildingBlocks.Application;

namespace Incubator.Applications.Features;

public sealed record TeamMemberDto(string? Name, string? Role, string? Email);

/// <summary>The body of an application, as the API and the form send it; a draft may be incomplete.</summary>
public sealed record ApplicationInput(
    string? ProjectName,
    string? Summary,
    string? SocialNeed,
    string? Commune,
    string? DepartmentCode,
    string? CollectiveDimension,
    string? EconomicModel,
    IReadOnlyList<TeamMemberDto>? Team)
{
    internal ApplicationAnswers ToAnswers() => new(ProjectName, Summary, SocialNeed, Commune, DepartmentCode, CollectiveDimension, EconomicModel,
        (Team ?? []).Select(m => new TeamMember(m.Name ?? string.Empty, m.Role ?? string.Empty, m.Email)).ToList());
}

public sealed record ApplicationDto(
    Guid Id,
    Guid SeasonId,
    string Status,
    string? ProjectName,
    string? Summary,
    string? SocialNeed,
    string? Commune,
    string? DepartmentCode,
    string? CollectiveDimension,
    string? EconomicModel,
    IReadOnlyList<TeamMemberDto> Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    string? AttachmentName,
    long? AttachmentSize,
    IReadOnlyDictionary<string, string[]> MissingAnswers)
{
    internal static ApplicationDto From(Application a) => new(
        a.Id, a.SeasonId, a.Status.ToString(), a.ProjectName, a.Summary, a.SocialNeed, a.Commune, a.DepartmentCode,
        a.CollectiveDimension, a.EconomicModel, a.Team.Select(m => new TeamMemberDto(m.Name, m.Role, m.Email)).ToList(),
        a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.AttachmentName, a.AttachmentSize,
        a.Status == ApplicationStatus.Draft ? a.MissingAnswers() : new Dictionary<string, string[]>());

    /// <summary>For a blind review: the team's names and e-mails are hidden, their roles kept.</summary>
    internal static ApplicationDto Blind(Application a) => From(a) with
    {
        Team = a.Team.Select((m, i) => new TeamMemberDto(Texts.L($"Membre {i + 1}", $"Member {i + 1}"), m.Role, null)).ToList(),
    };
}

public sealed record ApplicationSummaryDto(Guid Id, Guid SeasonId, string? ProjectName, string Status, string? DepartmentCode, DateTimeOffset? SubmittedAt, double? Score, int ReviewCount);
