using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Features.Programs;
using Incubator.Seasons.Features.Seasons;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Seasons.Web;

public sealed record ProgramPage(ProgramDto Program, IReadOnlyList<SeasonDto> Seasons);

[Area("Seasons")]
[Route("seasons/programs")]
[Authorize(Policies.ProgramLead)]
public sealed class ProgramsController(IMediator mediator) : PageController(mediator)
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Programmes", "Programs"), null));
        return View(await Mediator.Send(new ListPrograms(), HttpContext.RequestAborted));
    }

    [HttpGet("new")]
    public IActionResult Create()
    {
        Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (L("Nouveau programme", "New program"), null));
        return View("Edit", new ProgramForm());
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(ProgramForm form)
    {
        var (ok, program) = await TrySendAsync(new SaveProgram(null, form.Name, form.Territory, form.PartnerList));
        if (!ok)
        {
            Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (L("Nouveau programme", "New program"), null));
            return View("Edit", form);
        }

        Flash(L($"Le programme « {program!.Name} » est créé. Planifiez maintenant sa première saison.", $"The program '{program!.Name}' is created. Now plan its first season."));
        return Redirect($"/seasons/programs/{program.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var program = await Mediator.Send(new GetProgram(id), HttpContext.RequestAborted);
        var seasons = await Mediator.Send(new ListSeasons(IncludeDrafts: true, ProgramId: id), HttpContext.RequestAborted);
        Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (program.Name, null));
        return View(new ProgramPage(program, seasons));
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var program = await Mediator.Send(new GetProgram(id), HttpContext.RequestAborted);
        Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (program.Name, $"/seasons/programs/{id}"), (L("Modifier", "Edit"), null));
        ViewData["ProgramId"] = id;
        return View(new ProgramForm { Name = program.Name, Territory = program.Territory, PartnerStructures = string.Join('\n', program.PartnerStructures), Version = program.Version });
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, ProgramForm form)
    {
        var (ok, _) = await TrySendAsync(new SaveProgram(id, form.Name, form.Territory, form.PartnerList));
        if (!ok)
        {
            ViewData["ProgramId"] = id;
            Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (L("Modifier", "Edit"), null));
            return View(form);
        }

        Flash(L("Le programme est enregistré.", "The program is saved."));
        return Redirect($"/seasons/programs/{id}");
    }
}
