using System.Diagnostics;
using Incubator.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Host.Controllers;

[AllowAnonymous]
public sealed class HomeController(TimeProvider time) : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    /// <summary>The visible language switch: remembers the choice in a cookie for a year.</summary>
    [HttpPost("/culture")]
    public IActionResult SetCulture(string culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en-GB" : "fr-FR";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed form posts too
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error")]
    public IActionResult Error()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is null)
        {
            // Opened directly, not after a failure: there is no error to show.
            return NotFound();
        }

        if (feature.Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.");
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", new ErrorModel(500, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }

    [Route("/error/{code:int}")]
    public IActionResult Status(int code) =>
        View("Status", new ErrorModel(code, HttpContext.TraceIdentifier, HttpContext.Items[PageExceptionsAttribute.ReasonKey] as string));
}

/// <param name="Reason">Why the request was refused, when a module said so (a 409).</param>
public sealed record ErrorModel(int StatusCode, string RequestId, string? Reason = null);
