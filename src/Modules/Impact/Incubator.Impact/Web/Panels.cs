using Incubator.BuildingBlocks.Identity;
using Incubator.Impact.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Impact.Web;

/// <summary>On the home page of a project's holder or member: the questionnaires waiting for an answer.</summary>
public sealed class ApplicantQuestionnairesPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = (await mediator.Send(new MyQuestionnaires(), HttpContext.RequestAborted)).Where(q => q.Status == "Open").ToList();
        return waiting.Count == 0 ? Content(string.Empty) : View("/Areas/Impact/Views/Home/Applicant.cshtml", waiting);
    }
}

/// <summary>On a season's page, for a lead: how the cohort answers its questionnaires, and where to read them.</summary>
public sealed class SeasonImpactPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid seasonId)
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.ProgramLead))
        {
            return Content(string.Empty);
        }

        var season = await mediator.Send(new SeasonQuestionnaires(seasonId), HttpContext.RequestAborted);
        return season.Projects.Count == 0 ? Content(string.Empty) : View("/Areas/Impact/Views/Home/Season.cshtml", season);
    }
}
