using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Coaching.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Web;

/// <summary>The coaches' pages: "Mes projets", a project's follow-up; and the leads' pairs of a season.</summary>
[Area("Coaching")]
[Route("coaching")]
[Authorize(Policies.Coach)]
public sealed class CoachingController(IMediator mediator, IUserDirectory users, TimeProvider time) : PageController(mediator)
{
    [HttpGet("projects")]
    public async Task<IActionResult> Mine()
    {
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Mes projets", "My projects"), null));
        return View(await Mediator.Send(new MyProjects(), HttpContext.RequestAborted));
    }

    [HttpGet("projects/{id:guid}")]
    public async Task<IActionResult> Project(Guid id) => await ProjectView(id, new SessionForm { Date = ParisTime.Today(time), DurationMinutes = 90, Format = "InPerson" });

    [HttpPost("projects/{id:guid}/sessions")]
    public async Task<IActionResult> LogSession(Guid id, SessionForm form)
    {
        var (ok, _) = await TrySendAsync(new LogSession(id, form.ToInput()));
        if (!ok)
        {
            return await ProjectView(id, form);
        }

        Flash(L("La séance est enregistrée.", "The session is saved."));
        return Redirect($"/coaching/projects/{id}");
    }

    [HttpPost("projects/{id:guid}/milestones/{key}")]
    public async Task<IActionResult> Milestone(Guid id, string key, string? status)
    {
        var (ok, _) = await TrySendAsync(new SetMilestone(id, key, new MilestoneInput(status)));
        if (!ok)
        {
            return await ProjectView(id, new SessionForm());
        }

        Flash(L("Le jalon est mis à jour.", "The milestone is updated."));
        return Redirect($"/coaching/projects/{id}");
    }

    [HttpPost("projects/{id:guid}/health")]
    public async Task<IActionResult> Health(Guid id, string? health, string? reason)
    {
        var (ok, _) = await TrySendAsync(new SetHealth(id, new HealthInput(health, reason)), field => field);
        if (!ok)
        {
            return await ProjectView(id, new SessionForm());
        }

        Flash(L("L'état du projet est enregistré.", "The project's health is saved."));
        return Redirect($"/coaching/projects/{id}");
    }

    [HttpGet("seasons/{seasonId:guid}/pairs")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Pairs(Guid seasonId) => await PairsView(seasonId);

    [HttpPost("seasons/{seasonId:guid}/pairs")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> FormPair(Guid seasonId, Guid? coachA, Guid? coachB)
    {
        var ids = new[] { coachA, coachB }.Where(x => x is not null).Select(x => x!.Value).ToList();
        var (ok, _) = await TrySendAsync(new FormPair(seasonId, new PairInput(ids)), _ => "coachUserIds");
        if (!ok)
        {
            return await PairsView(seasonId);
        }

        Flash(L("Le binôme est formé ; les projets en attente lui sont confiés.", "The pair is formed; waiting projects are given to it."));
        return Redirect($"/coaching/seasons/{seasonId}/pairs");
    }

    [HttpPost("projects/{id:guid}/assignment")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Reassign(Guid id, Guid seasonId, string? assignment)
    {
        var parts = (assignment ?? string.Empty).Split(':');
        var input = parts.Length == 2 && Guid.TryParse(parts[0], out var pair) && Guid.TryParse(parts[1], out var lead)
            ? new AssignmentInput(pair, lead) : new AssignmentInput(null, null);
        var (ok, _) = await TrySendAsync(new Reassign(id, input), _ => "assignment");
        if (ok)
        {
            Flash(L("Le projet est réaffecté.", "The project is reassigned."));
            return Redirect($"/coaching/seasons/{seasonId}/pairs");
        }

        return await PairsView(seasonId);
    }

    private async Task<IActionResult> ProjectView(Guid id, SessionForm form)
    {
        var project = await Mediator.Send(new GetProject(id), HttpContext.RequestAborted);
        var coaches = new List<CoachDto>();
        foreach (var coachId in project.CoachUserIds)
        {
            if (await users.FindAsync(coachId, HttpContext.RequestAborted) is { } coach)
            {
                coaches.Add(new CoachDto(coach.Id, coach.DisplayName));
            }
        }

        ViewData["SessionForm"] = form;
        Breadcrumbs((L("Mes projets", "My projects"), "/coaching/projects"), (project.ProjectName, null));
        return View("Project", new ProjectPage(project, coaches, User.IsInRole(Roles.ProgramLead)));
    }

    private async Task<IActionResult> PairsView(Guid seasonId)
    {
        var pairs = await Mediator.Send(new ListPairs(seasonId), HttpContext.RequestAborted);
        var coaches = await users.InRoleAsync(Roles.Coach, HttpContext.RequestAborted);
        Breadcrumbs((L("Saison", "Season"), $"/seasons/{seasonId}"), (L("Binômes d'accompagnement", "Coaching pairs"), null));
        return View("Pairs", new PairsPage(seasonId, pairs, coaches));
    }
}
