using Incubator.Applications.Features;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

public sealed record NamedSeason<T>(Guid SeasonId, string SeasonName, string Status, T Data);

/// <summary>The applicant's home: their applications, and the calls open now.</summary>
public sealed class ApplicantApplicationsPanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var mine = await mediator.Send(new ListMyApplications(), HttpContext.RequestAborted);
        var named = new List<NamedSeason<ApplicationSummaryDto>>();
        foreach (var application in mine)
        {
            var season = await seasons.FindAsync(application.SeasonId, HttpContext.RequestAborted);
            named.Add(new(application.SeasonId, season?.Name ?? string.Empty, season?.Status ?? string.Empty, application));
        }

        return View("/Areas/Applications/Views/Home/Applicant.cshtml", named);
    }
}

/// <summary>The reviewer's home: what is left to review, season by season.</summary>
public sealed class ReviewerQueuePanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var queues = await mediator.Send(new MyReviewQueue(), HttpContext.RequestAborted);
        var named = new List<NamedSeason<ReviewQueueDto>>();
        foreach (var queue in queues)
        {
            if (await seasons.FindAsync(queue.SeasonId, HttpContext.RequestAborted) is { } season)
            {
                named.Add(new(season.Id, season.Name, season.Status, queue));
            }
        }

        return View("/Areas/Applications/Views/Home/Reviewer.cshtml", named);
    }
}

/// <summary>The lead's pipeline: drafts, submitted, reviewed, shortlisted, cohort; and where applications come from.</summary>
public sealed class LeadPipelinePanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pipelines = await mediator.Send(new SeasonPipelines(2), HttpContext.RequestAborted);
        var named = new List<NamedSeason<PipelineDto>>();
        foreach (var pipeline in pipelines)
        {
            if (await seasons.FindAsync(pipeline.SeasonId, HttpContext.RequestAborted) is { } season)
            {
                named.Add(new(season.Id, season.Name, season.Status, pipeline));
            }
        }

        return View("/Areas/Applications/Views/Home/Pipeline.cshtml", named);
    }
}
