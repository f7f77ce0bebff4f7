using Incubator.Applications.Features;

namespace Incubator.Applications.Web;

public sealed class TeamRow
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Role) && string.IsNullOrWhiteSpace(Email);
}

/// <summary>The application form as the page posts it; blank team rows are ignored.</summary>
public sealed class ApplicationForm
{
    public const int TeamRows = 6;

    public Guid SeasonId { get; set; }

    public string? ProjectName { get; set; }

    public string? Summary { get; set; }

    public string? SocialNeed { get; set; }

    public string? Commune { get; set; }

    public string? DepartmentCode { get; set; }

    public string? CollectiveDimension { get; set; }

    public string? EconomicModel { get; set; }

    public List<TeamRow> Team { get; set; } = [];

    public ApplicationInput ToInput() => new(ProjectName, Summary, SocialNeed, Commune, DepartmentCode, CollectiveDimension, EconomicModel,
        Team.Where(t => !t.IsBlank).Select(t => new TeamMemberDto(t.Name, t.Role, t.Email)).ToList());

    public static ApplicationForm From(ApplicationDto a) => new()
    {
        SeasonId = a.SeasonId,
        ProjectName = a.ProjectName,
        Summary = a.Summary,
        SocialNeed = a.SocialNeed,
        Commune = a.Commune,
        DepartmentCode = a.DepartmentCode,
        CollectiveDimension = a.CollectiveDimension,
        EconomicModel = a.EconomicModel,
        Team = a.Team.Select(t => new TeamRow { Name = t.Name, Role = t.Role, Email = t.Email }).ToList(),
    };

    /// <summary>Room for more team members, without JavaScript.</summary>
    public ApplicationForm WithBlankRows()
    {
        while (Team.Count < TeamRows)
        {
            Team.Add(new TeamRow());
        }

        return this;
    }
}

public sealed record ApplicationPage(ApplicationDto Application, ApplicationForm Form, string SeasonName);
