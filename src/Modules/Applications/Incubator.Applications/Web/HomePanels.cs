using Incubator.Applications.Features;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

public sealed record NamedSeason<T>(Guid SeasonId, string SeasonName, string Status, T Data);

internal static class SeasonNames
{
    /// <summary>Pairs each item with its season's name and status, looking each distinct season up once.</summary>
    public static async Task<List<NamedSeason<T>>> NameAsync<T>(this ISeasonDirectory seasons, IEnumerable<T> items, Func<T, Guid> seasonOf, bool keepUnknown, CancellationToken ct)
    {
        var found = new Dictionary<Guid, SeasonSummary?>();
        var named = new List<NamedSeason<T>>();
        foreach (var item in items)
        {
            var id = seasonOf(item);
            if (!found.TryGetValue(id, out var season))
            {
                found[id] = season = await seasons.FindAsync(id, ct);
            }

            if (season is not null || keepUnknown)
            {
                named.Add(new(id, season?.Name ?? string.Empty, season?.Status ?? string.Empty, item));
            }
        }

        return named;
    }
}

/// <summary>The applicant's home: their applications, and the calls open now.</summary>
public sealed class ApplicantApplicationsPanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var mine = await mediator.Send(new ListMyApplications(), HttpContext.RequestAborted);
        return View("/Areas/Applications/Views/Home/Applicant.cshtml", await seasons.NameAsync(mine, a => a.SeasonId, keepUnknown: true, HttpContext.RequestAborted));
    }
}

/// <summary>The reviewer's home: what is left to review, season by season.</summary>
public sealed class ReviewerQueuePanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var queues = await mediator.Send(new MyReviewQueue(), HttpContext.RequestAborted);
        return View("/Areas/Applications/Views/Home/Reviewer.cshtml", await seasons.NameAsync(queues, q => q.SeasonId, keepUnknown: false, HttpContext.RequestAborted));
    }
}

/// <summary>The lead's pipeline: drafts, submitted, reviewed, shortlisted, cohort; and where applications come from.</summary>
public sealed class LeadPipelinePanel(IMediator mediator, ISeasonDirectory seasons) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pipelines = await mediator.Send(new SeasonPipelines(2), HttpContext.RequestAborted);
        return View("/Areas/Applications/Views/Home/Pipeline.cshtml", await seasons.NameAsync(pipelines, p => p.SeasonId, keepUnknown: false, HttpContext.RequestAborted));
    }
}
