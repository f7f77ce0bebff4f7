using System.Text.Json;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

public sealed record ErasureInput(string? Password);

/// <summary>The signed-in person's own data: download it, or erase the account.</summary>
[ApiController]
[Route("api/users/me")]
[Authorize]
public sealed class MyDataApiController(UserManager<IncubatorUser> users, PersonalData data) : ControllerBase
{
    /// <summary>Everything Incubator holds about the caller, one section per module, as a JSON file.</summary>
    [HttpGet("data")]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Unauthorized() : MyData.File(this, await data.ExportAsync(user, ct));
    }

    /// <summary>Erases the caller's account (password required): applications outside a cohort are anonymised. 204.</summary>
    [HttpDelete]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Erase(ErasureInput body, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Unauthorized();
        }

        await data.EraseAsync(user, body.Password, ct);
        return NoContent();
    }
}

/// <summary>The page "Mes données" and the public privacy page.</summary>
public sealed class MyDataController(UserManager<IncubatorUser> users, SignInManager<IncubatorUser> signIn, PersonalData data) : Controller
{
    [HttpGet("/privacy")]
    [AllowAnonymous]
    public IActionResult Privacy([FromServices] IConfiguration configuration)
    {
        ViewData["RetentionMonths"] = configuration.GetValue("Incubator:Retention:RejectedApplicationMonths", 24);
        return View("~/Views/Account/Privacy.cshtml");
    }

    [HttpGet("/account/data")]
    [Authorize]
    public IActionResult Index()
    {
        ViewData["Breadcrumbs"] = new (string, string?)[] { (L("Accueil", "Home"), "/"), (L("Mes données", "My data"), null) };
        return View("~/Views/Account/Data.cshtml");
    }

    [HttpGet("/account/data.json")]
    [Authorize]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : MyData.File(this, await data.ExportAsync(user, ct));
    }

    [HttpPost("/account/delete")]
    [Authorize]
    public async Task<IActionResult> Erase(string? password, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        try
        {
            await data.EraseAsync(user, password, ct);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError("password", error.Message);
        }
        catch (ConflictException error)
        {
            ModelState.AddModelError(string.Empty, error.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        if (!ModelState.IsValid)
        {
            return Index();
        }

        await signIn.SignOutAsync();
        TempData["Flash"] = L("Votre compte est supprimé. Au revoir, et bonne route à votre projet.", "Your account is erased. Goodbye, and all the best to your project.");
        return LocalRedirect("/");
    }
}

internal static class MyData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static FileContentResult File(ControllerBase controller, IReadOnlyDictionary<string, object> document) =>
        controller.File(JsonSerializer.SerializeToUtf8Bytes(document, Options), "application/json", "incubator-mes-donnees.json");
}
