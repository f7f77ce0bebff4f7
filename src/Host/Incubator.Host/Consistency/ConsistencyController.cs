using Incubator.BuildingBlocks.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Consistency;

/// <summary>The consistency check's page, for program leads and administrators: the last report, and a run now.</summary>
[Route("consistency")]
[Authorize(Policies.ProgramLead)]
public sealed class ConsistencyController(ConsistencyRun run, ConsistencyReports reports) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Page(reports.Last);

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Run([FromForm] bool repair = false) => Page(await run.RunAsync(repair, HttpContext.RequestAborted));

    private ViewResult Page(ConsistencyReport? report)
    {
        ViewData["Breadcrumbs"] = new (string, string?)[] { (L("Accueil", "Home"), "/"), (L("Cohérence des données", "Data consistency"), null) };
        return View("~/Views/Consistency/Index.cshtml", report);
    }
}

[ApiController]
[Route("api/consistency")]
[Authorize(Policies.ProgramLead)]
public sealed class ConsistencyApiController(ConsistencyRun run) : ControllerBase
{
    /// <summary>Compares what each module holds with the facts it copied from the others, and reports each difference; changes nothing.</summary>
    [HttpGet]
    public Task<ConsistencyReport> Check() => run.RunAsync(repair: false, HttpContext.RequestAborted);

    /// <summary>The same, replaying the facts that can be replayed safely; the report says which differences were repaired.</summary>
    [HttpPost("repair")]
    public Task<ConsistencyReport> Repair() => run.RunAsync(repair: true, HttpContext.RequestAborted);
}
