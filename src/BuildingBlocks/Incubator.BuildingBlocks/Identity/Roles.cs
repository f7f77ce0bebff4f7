using System.Security.Claims;

namespace Incubator.BuildingBlocks.Identity;

public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Reviewer = "Reviewer";
    public const string Coach = "Coach";
    public const string ProgramLead = "ProgramLead";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Applicant, Reviewer, Coach, ProgramLead, Admin];
}

/// <summary>Authorization policy names; the host defines them, modules put them on endpoints.</summary>
public static class Policies
{
    public const string ProgramLead = "ProgramLead";
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string Coach = "Coach";
    public const string Applicant = "Applicant";
}

/// <summary>Who is calling, for the ownership checks that modules make.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequiredId(this ICurrentUser user) =>
        user.Id ?? throw new InvalidOperationException("A signed-in user is required here.");

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
