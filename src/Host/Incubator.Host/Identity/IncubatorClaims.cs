using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Incubator.Host.Identity;

/// <summary>The signed-in principal also carries the person's display name, so pages greet "Léa Responsable", not an e-mail.</summary>
internal sealed class IncubatorClaims(UserManager<IncubatorUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IncubatorUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayName = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IncubatorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        }

        return identity;
    }

    /// <summary>The display name, or the e-mail for accounts that have none.</summary>
    public static string? NameOf(ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value ?? user.Identity?.Name;
}
