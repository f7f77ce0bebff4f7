using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

public sealed record NewUser(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

[ApiController]
[Route("api/users")]
public sealed class UsersApiController(UserManager<IncubatorUser> users, Accounts accounts) : ControllerBase
{
    /// <summary>Admins give any role; program leads create coaches and reviewers.</summary>
    [HttpPost]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
    public async Task<ActionResult<UserDto>> Create(NewUser body)
    {
        var errors = new Dictionary<string, string[]>();
        var roles = (body.Roles ?? []).Distinct().ToList();
        var allowed = Accounts.GivableBy(User);
        if (string.IsNullOrWhiteSpace(body.Email))
        {
            errors["email"] = [L("L'adresse e-mail est obligatoire.", "The e-mail address is required.")];
        }

        if (string.IsNullOrWhiteSpace(body.Password))
        {
            errors["password"] = [L("Le mot de passe est obligatoire.", "The password is required.")];
        }

        if (body.DisplayName is { Length: > 200 })
        {
            errors["displayName"] = [L("200 caractères au plus.", "At most 200 characters.")];
        }

        if (roles.FirstOrDefault(r => !allowed.Contains(r)) is { } refused)
        {
            errors["roles"] = [L($"Vous ne pouvez pas donner le rôle « {refused} ».", $"You cannot give the role '{refused}'.")];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (user, creationErrors) = await accounts.CreateAsync(body.Email!, body.DisplayName, body.Password!, roles.Count == 0 ? [Roles.Applicant] : roles, emailConfirmed: true, grantedBy: User.UserId());
        if (user is null)
        {
            throw new RequestValidationException(creationErrors);
        }

        var dto = new UserDto(user.Id, user.Email!, user.DisplayName, (await users.GetRolesAsync(user)).ToList());
        return CreatedAtAction(nameof(Get), new { id = user.Id }, dto);
    }

    [HttpGet("{id:guid}")]
    [Authorize(Policies.ProgramLead)]
    public async Task<ActionResult<UserDto>> Get(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        return user is null
            ? NotFound()
            : new UserDto(user.Id, user.Email!, user.DisplayName, (await users.GetRolesAsync(user)).ToList());
    }

    /// <summary>The people holding a role, e.g. the coaches a lead pairs up or the reviewers of a committee.</summary>
    [HttpGet]
    [Authorize(Policies.ProgramLead)]
    public async Task<IReadOnlyList<UserDto>> List([FromQuery] string? role)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["role"] = [L($"Rôle attendu : {string.Join(", ", Roles.All)}.", $"Expected role: {string.Join(", ", Roles.All)}.")],
            });
        }

        var holders = await users.GetUsersInRoleAsync(role);
        return holders.OrderBy(u => u.DisplayName)
            .Select(u => new UserDto(u.Id, u.Email!, u.DisplayName, [role]))
            .ToList();
    }

    [HttpGet("me")]
    [Authorize]
    public async Task<ActionResult<UserDto>> Me()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Unauthorized();
        }

        return new UserDto(user.Id, user.Email!, user.DisplayName, (await users.GetRolesAsync(user)).ToList());
    }
}
