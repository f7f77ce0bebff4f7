using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Features.Cohort;
using Incubator.Seasons.Features.Programs;
using Incubator.Seasons.Features.Seasons;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Seasons.Web;

public sealed record CohortPage(SeasonDto Season, CohortDto Cohort, IReadOnlyList<CohortCandidateDto> Candidates);

[Area("Seasons")]
[Route("seasons")]
public sealed class SeasonsController(IMediator mediator) : PageController(mediator)
{
    private bool IsLead => User.IsInRole(Roles.ProgramLead);

    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index()
    {
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Appels et saisons", "Calls and seasons"), null));
        return View(await Mediator.Send(new ListSeasons(IsLead), HttpContext.RequestAborted));
    }

    [HttpGet("{id:guid}")]
    [AllowAnonymous]
    public async Task<IActionResult> Details(Guid id)
    {
        var season = await Mediator.Send(new GetSeason(id, IsLead), HttpContext.RequestAborted);
        Breadcrumbs((L("Appels et saisons", "Calls and seasons"), "/seasons"), (season.Name, null));
        return View(season);
    }

    [HttpGet("new")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Create(Guid programId)
    {
        var program = await Mediator.Send(new GetProgram(programId), HttpContext.RequestAborted);
        return FormView(new SeasonForm { ProgramId = program.Id, ProgramName = program.Name }, null);
    }

    [HttpPost("new")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Create(SeasonForm form)
    {
        var (ok, season) = await TrySendAsync(new SaveSeason(null, form.ToInput()));
        if (!ok)
        {
            return FormView(form, null);
        }

        Flash(L("La saison est planifiée. Ouvrez son appel quand vous êtes prêt·e.", "The season is planned. Open its call when you are ready."));
        return Redirect($"/seasons/{season!.Id}");
    }

    [HttpGet("{id:guid}/edit")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Edit(Guid id)
    {
        var season = await Mediator.Send(new GetSeason(id, true), HttpContext.RequestAborted);
        return FormView(SeasonForm.From(season), id);
    }

    [HttpPost("{id:guid}/edit")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Edit(Guid id, SeasonForm form)
    {
        var (ok, _) = await TrySendAsync(new SaveSeason(id, form.ToInput()));
        if (!ok)
        {
            return FormView(form, id);
        }

        Flash(L("La saison est enregistrée.", "The season is saved."));
        return Redirect($"/seasons/{id}");
    }

    [HttpPost("{id:guid}/open")]
    [Authorize(Policies.ProgramLead)]
    public Task<IActionResult> Open(Guid id) =>
        Transition(id, new OpenApplications(id), L("L'appel à candidatures est ouvert.", "The call for applications is open."));

    [HttpPost("{id:guid}/close")]
    [Authorize(Policies.ProgramLead)]
    public Task<IActionResult> Close(Guid id) =>
        Transition(id, new CloseApplications(id), L("L'appel est clos : place à la sélection.", "The call is closed: selection can start."));

    [HttpGet("{id:guid}/cohort")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Cohort(Guid id) => await CohortView(id);

    [HttpPost("{id:guid}/cohort")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> ProposeCohort(Guid id, List<Guid> applicationIds)
    {
        var (ok, _) = await TrySendAsync(new ProposeCohort(id, new CohortProposal(applicationIds)), _ => "applicationIds");
        if (!ok)
        {
            return await CohortView(id);
        }

        Flash(L("La promotion est proposée. Relisez-la, puis approuvez-la.", "The cohort is proposed. Review it, then approve it."));
        return Redirect($"/seasons/{id}/cohort");
    }

    [HttpPost("{id:guid}/cohort/approve")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> ApproveCohort(Guid id)
    {
        var (ok, _) = await TrySendAsync(new ApproveCohort(id));
        if (!ok)
        {
            return await CohortView(id);
        }

        Flash(L(
            "La promotion est approuvée : l'accompagnement et les formations vont démarrer.",
            "The cohort is approved: coaching and trainings will start."));
        return Redirect($"/seasons/{id}/cohort");
    }

    private async Task<IActionResult> Transition<T>(Guid id, IRequest<T> request, string done)
    {
        var (ok, _) = await TrySendAsync(request);
        if (!ok)
        {
            var season = await Mediator.Send(new GetSeason(id, true), HttpContext.RequestAborted);
            Breadcrumbs((L("Appels et saisons", "Calls and seasons"), "/seasons"), (season.Name, null));
            return View("Details", season);
        }

        Flash(done);
        return Redirect($"/seasons/{id}");
    }

    private async Task<IActionResult> CohortView(Guid id)
    {
        var season = await Mediator.Send(new GetSeason(id, true), HttpContext.RequestAborted);
        var cohort = await Mediator.Send(new GetCohort(id), HttpContext.RequestAborted);
        var candidates = await Mediator.Send(new ListCohortCandidates(id), HttpContext.RequestAborted);
        Breadcrumbs((L("Appels et saisons", "Calls and seasons"), "/seasons"), (season.Name, $"/seasons/{id}"), (L("Promotion", "Cohort"), null));
        return View("Cohort", new CohortPage(season, cohort, candidates));
    }

    private IActionResult FormView(SeasonForm form, Guid? seasonId)
    {
        ViewData["SeasonId"] = seasonId;
        Breadcrumbs(
            (L("Programmes", "Programs"), "/seasons/programs"),
            (form.ProgramName ?? L("Programme", "Program"), $"/seasons/programs/{form.ProgramId}"),
            (seasonId is null ? L("Nouvelle saison", "New season") : L("Modifier la saison", "Edit the season"), null));
        return View("Edit", form);
    }
}
