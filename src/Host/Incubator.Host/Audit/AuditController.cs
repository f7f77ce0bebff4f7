using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Audit;

public sealed record AuditPage(PagedResult<AuditEntryDto> Entries, string? Kind, IReadOnlyList<string> Kinds);

/// <summary>The audit log, for program leads and administrators: newest first, 50 a page, by kind of action.</summary>
[Route("audit")]
[Authorize(Policies.ProgramLead)]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] AuditLog log, int page = 1, string? kind = null)
    {
        ViewData["Breadcrumbs"] = new (string, string?)[] { (L("Accueil", "Home"), "/"), (L("Journal des actions sensibles", "Audit log"), null) };
        return View("~/Views/Audit/Index.cshtml", new AuditPage(await log.ReadAsync(page, kind, HttpContext.RequestAborted), kind, await log.ActionsAsync(HttpContext.RequestAborted)));
    }
}

[ApiController]
[Route("api/audit")]
[Authorize(Policies.ProgramLead)]
public sealed class AuditApiController : ControllerBase
{
    /// <summary>The audit log, newest first, 50 a page; <c>kind</c> keeps one kind of action (e.g. <c>application.decided</c>).</summary>
    [HttpGet]
    public Task<PagedResult<AuditEntryDto>> Get([FromServices] AuditLog log, [FromQuery] int page = 1, [FromQuery] string? kind = null) =>
        log.ReadAsync(page, kind, HttpContext.RequestAborted);
}

/// <summary>The name of each kind of action, as people read it.</summary>
public static class AuditLabels
{
    public static string Of(string action) => action switch
    {
        "application.decided" => L("Décision sur une candidature", "Application decided"),
        "cohort.approved" => L("Cohorte approuvée", "Cohort approved"),
        "coaching.reassigned" => L("Projet réaffecté", "Project reassigned"),
        "training.moved" => L("Session de formation déplacée", "Training session moved"),
        "training.cancelled" => L("Session de formation annulée", "Training session cancelled"),
        "tranche.received" => L("Versement reçu", "Tranche received"),
        "role.given" => L("Rôle attribué", "Role given"),
        "account.erased" => L("Compte supprimé", "Account erased"),
        _ => action,
    };
}
