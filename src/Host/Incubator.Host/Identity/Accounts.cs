using System.Security.Claims;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Audit;
using Microsoft.AspNetCore.Identity;

namespace Incubator.Host.Identity;

/// <summary>Creates accounts the same way for sign-up, the team page, the users API and the bootstrap administrator.</summary>
public sealed class Accounts(UserManager<IncubatorUser> users, AuditLog audit, TimeProvider time)
{
    /// <summary>Administrators give any role; program leads create coaches and reviewers.</summary>
    public static IReadOnlyList<string> GivableBy(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? Roles.All : [Roles.Coach, Roles.Reviewer];

    /// <summary>
    /// The account with its roles, or the errors keyed by API field name (<c>email</c>, <c>password</c>).
    /// A role other than applicant goes to the audit log, given by <paramref name="grantedBy"/> (nobody: the bootstrap).
    /// </summary>
    public async Task<(IncubatorUser? User, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(
        string email, string? displayName, string password, IReadOnlyCollection<string> roles, bool emailConfirmed, Guid? grantedBy = null)
    {
        var address = email.Trim();
        var user = new IncubatorUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = emailConfirmed,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        await users.AddToRolesAsync(user, roles);
        if (roles.Any(r => r != Roles.Applicant))
        {
            await audit.RecordAsync(grantedBy, "role.given", user.Id, $"{user.DisplayName} <{user.Email}>", string.Join(", ", roles), CancellationToken.None);
        }

        return (user, new Dictionary<string, string[]>());
    }
}
