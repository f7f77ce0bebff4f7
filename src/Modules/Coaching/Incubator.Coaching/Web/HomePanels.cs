using Incubator.BuildingBlocks.Identity;
using Incubator.Coaching.Features;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Coaching.Web;

/// <summary>The coach's home: "Mes projets", what needs attention first.</summary>
public sealed class CoachProjectsPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Areas/Coaching/Views/Home/Coach.cshtml", await mediator.Send(new MyProjects(), HttpContext.RequestAborted));
}

public sealed record ApplicantCoachingItem(Guid ProjectId, string ProjectName, DateOnly? LastSessionOn, DateOnly? NextMeetingOn, string? NextSteps);

/// <summary>The applicant's coaching, once in a cohort: the next meeting and the next steps agreed with the coaches.</summary>
public sealed class ApplicantCoachingPanel(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var items = await mediator.Send(new MyCoachedProjects(), HttpContext.RequestAborted);
        return items.Count == 0 ? Content(string.Empty) : View("/Areas/Coaching/Views/Home/Applicant.cshtml", items);
    }
}

internal sealed record MyCoachedProjects : IRequest<IReadOnlyList<ApplicantCoachingItem>>;

internal sealed class MyCoachedProjectsHandler(CoachingDbContext db, ICurrentUser user, Incubator.Applications.Contracts.IProjectTeam team)
    : IRequestHandler<MyCoachedProjects, IReadOnlyList<ApplicantCoachingItem>>
{
    public async Task<IReadOnlyList<ApplicantCoachingItem>> Handle(MyCoachedProjects request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var joined = await team.ProjectsJoinedByAsync(me, cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.ApplicantUserId == me || joined.Contains(p.ProjectId)).ToListAsync(cancellationToken);
        return projects.Select(p => new ApplicantCoachingItem(p.ProjectId, p.ProjectName, p.LastSessionOn, p.NextMeetingOn,
            p.Sessions.OrderByDescending(s => s.Date).Select(s => s.NextSteps).FirstOrDefault(n => n is not null))).ToList();
    }
}
