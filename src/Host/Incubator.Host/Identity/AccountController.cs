using System.ComponentModel.DataAnnotations;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

public sealed class LoginForm
{
    [Required(ErrorMessage = "required")]
    [EmailAddress(ErrorMessage = "email")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Required(ErrorMessage = "required")]
    [StringLength(200, ErrorMessage = "length")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    [EmailAddress(ErrorMessage = "email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "required")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Compare(nameof(Password), ErrorMessage = "compare")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

[Route("account")]
public sealed class AccountController(SignInManager<IncubatorUser> signIn, Accounts accounts) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Protection.SignIn)]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginForm form)
    {
        FormMessages.Localize(ModelState);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.Email, form.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, L(
                "Trop d'essais : ce compte est verrouillé pour quelques minutes.",
                "Too many attempts: this account is locked for a few minutes."));
            return View(form);
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, L("E-mail ou mot de passe incorrect.", "Wrong e-mail or password."));
            return View(form);
        }

        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [HttpGet("register")]
    [AllowAnonymous]
    public IActionResult Register(string? returnUrl, string? email, string? name) =>
        View(new RegisterForm { ReturnUrl = returnUrl, Email = email ?? string.Empty, DisplayName = name ?? string.Empty }); // a team member's invitation fills in who they are

    /// <summary>Sign-up creates an applicant account; other roles are given by leads and administrators.</summary>
    [HttpPost("register")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Protection.SignUp)]
    [AllowAnonymous]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        FormMessages.Localize(ModelState);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var (user, errors) = await accounts.CreateAsync(form.Email, form.DisplayName, form.Password, [Roles.Applicant], emailConfirmed: false);
        if (user is null)
        {
            ModelState.AddRequestValidationErrors(new RequestValidationException(errors));
            return View(form);
        }

        await signIn.SignInAsync(user, isPersistent: true);
        TempData["Flash"] = L("Votre compte est créé. Bienvenue !", "Your account is created. Welcome!");
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied() => View();
}
