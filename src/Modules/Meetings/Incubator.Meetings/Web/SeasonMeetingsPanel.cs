using Incubator.Meetings.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Meetings.Web;

public sealed record SeasonMeetingsPanelModel(Guid SeasonId, IReadOnlyList<MeetingDto> Meetings, bool IsLead);

/// <summary>On a season's call page: its coming information meetings and where to register; for a lead, where to plan one.</summary>
public sealed class SeasonMeetingsPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid seasonId)
    {
        var meetings = await mediator.Send(new ListMeetings(seasonId, IncludePast: false), HttpContext.RequestAborted);
        var isLead = UserClaimsPrincipal.IsInRole(Incubator.BuildingBlocks.Identity.Roles.ProgramLead);
        return meetings.Count == 0 && !isLead
            ? Content(string.Empty)
            : View("/Areas/Meetings/Views/Home/SeasonMeetings.cshtml", new SeasonMeetingsPanelModel(seasonId, meetings, isLead));
    }
}
