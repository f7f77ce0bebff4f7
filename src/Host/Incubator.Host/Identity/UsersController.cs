using System.ComponentModel.DataAnnotations;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "required")]
    [StringLength(200, ErrorMessage = "length")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    [EmailAddress(ErrorMessage = "email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    public string Role { get; set; } = Roles.Coach;
}

public sealed record UsersPage(IReadOnlyList<(string Role, IReadOnlyList<IncubatorUser> Users)> ByRole, NewUserForm Form, IReadOnlyList<string> GivableRoles);

/// <summary>Program leads create coach and reviewer accounts; administrators any role.</summary>
[Route("users")]
[Authorize(Policies.ProgramLead)]
public sealed class UsersController(UserManager<IncubatorUser> users, Accounts accounts) : Controller
{
    private IReadOnlyList<string> Givable => Accounts.GivableBy(User);

    [HttpGet("")]
    public Task<IActionResult> Index() => PageAsync(new NewUserForm());

    [HttpPost("")]
    public async Task<IActionResult> Create(NewUserForm form)
    {
        FormMessages.Localize(ModelState);
        if (!Givable.Contains(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), L("Vous ne pouvez pas donner ce rôle.", "You cannot give this role."));
        }

        if (ModelState.IsValid)
        {
            var (user, errors) = await accounts.CreateAsync(form.Email, form.DisplayName, form.Password, [form.Role], emailConfirmed: true, grantedBy: User.UserId());
            if (user is not null)
            {
                TempData["Flash"] = L($"Le compte de {user.DisplayName} est créé ; transmettez-lui son mot de passe.", $"{user.DisplayName}'s account is created; pass on their password.");
                return Redirect("/users");
            }

            ModelState.AddRequestValidationErrors(new RequestValidationException(errors));
        }

        return await PageAsync(form);
    }

    private async Task<IActionResult> PageAsync(NewUserForm form)
    {
        var byRole = new List<(string, IReadOnlyList<IncubatorUser>)>();
        foreach (var role in new[] { Roles.Coach, Roles.Reviewer, Roles.ProgramLead })
        {
            byRole.Add((role, (await users.GetUsersInRoleAsync(role)).OrderBy(u => u.DisplayName).ToList()));
        }

        ViewData["Breadcrumbs"] = new (string, string?)[] { (L("Accueil", "Home"), "/"), (L("Équipe du programme", "Program team"), null) };
        return View("~/Views/Users/Index.cshtml", new UsersPage(byRole, form, Givable));
    }
}
