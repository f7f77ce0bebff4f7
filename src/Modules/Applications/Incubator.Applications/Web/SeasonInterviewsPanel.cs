using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

public sealed record SeasonInterviewsPanelModel(Guid SeasonId, int Slots, int Held);

/// <summary>On a season's page, for a lead or a jury member: the interview slots and where to plan them or find one's interviews.</summary>
public sealed class SeasonInterviewsPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid seasonId)
    {
        try
        {
            var slots = await mediator.Send(new ListInterviewSlots(seasonId), HttpContext.RequestAborted);
            return View("/Areas/Applications/Views/Home/SeasonInterviews.cshtml", new SeasonInterviewsPanelModel(seasonId, slots.Count, slots.Count(s => s.ApplicationId is not null)));
        }
        catch (NotFoundException)
        {
            return Content(string.Empty); // neither a lead nor on the jury
        }
    }
}
