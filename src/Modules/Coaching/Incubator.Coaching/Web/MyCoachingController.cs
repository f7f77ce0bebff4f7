using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Coaching.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Web;

/// <summary>
/// The project holder's coaching page (issue 25): the pair's coaches and how to reach them, the sessions with what was
/// decided and the next steps (never the pair's private notes), the milestones and the next meeting. Anyone but the
/// project's holder, its pair and the leads is told it does not exist.
/// </summary>
[Area("Coaching")]
[Route("coaching/mine")]
[Authorize]
public sealed class MyCoachingController(IMediator mediator, IUserDirectory users) : PageController(mediator)
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Project(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await Mediator.Send(new GetProject(id), ct);
        var contacts = await users.FindManyAsync(project.CoachUserIds, ct);
        var coaches = project.CoachUserIds.Where(contacts.ContainsKey).Select(c => contacts[c]).ToList();
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Mon accompagnement", "My coaching"), null));
        return View("MyProject", new MyCoachingPage(project, coaches));
    }
}
