using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record MyProjects : IRequest<IReadOnlyList<MyProjectDto>>;

/// <summary>"Mes projets": the projects of the pairs of the coach signed in, those that need attention first.</summary>
internal sealed class MyProjectsHandler(CoachingDbContext db, ICurrentUser user, TimeProvider time) : IRequestHandler<MyProjects, IReadOnlyList<MyProjectDto>>
{
    /// <summary>
    /// One query whatever the season's size: the caller's pairs' projects, read as the list's columns
    /// (not the projects with every session and its notes).
    /// </summary>
    public async Task<IReadOnlyList<MyProjectDto>> Handle(MyProjects request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => db.Pairs.Any(pair => pair.Id == p.PairId && (pair.CoachAUserId == me || pair.CoachBUserId == me)))
            .Select(p => new
            {
                p.ProjectId, p.ProjectName, p.DepartmentCode, p.LeadCoachUserId, p.Health, p.HealthReason, p.LastSessionOn, p.NextMeetingOn, p.JoinedAt,
                MilestonesDone = p.Milestones.Count(m => m.Status == MilestoneStatus.Done),
                Milestones = p.Milestones.Count(),
            })
            .ToListAsync(cancellationToken);
        var today = ParisTime.Today(time);
        return projects
            .Select(p => (Project: p, NotSeen: CoachedProject.NotSeen(p.LastSessionOn, p.JoinedAt, today)))
            .OrderByDescending(x => x.Project.Health)
            .ThenByDescending(x => x.NotSeen)
            .ThenBy(x => x.Project.LastSessionOn ?? DateOnly.MinValue)
            .ThenBy(x => x.Project.ProjectName, StringComparer.CurrentCulture)
            .Select(x => new MyProjectDto(x.Project.ProjectId, x.Project.ProjectName, x.Project.DepartmentCode, x.Project.LeadCoachUserId,
                x.Project.Health.ToString(), x.Project.HealthReason, x.Project.LastSessionOn, x.Project.NextMeetingOn, x.Project.MilestonesDone,
                x.Project.Milestones, x.NotSeen))
            .ToList();
    }
}
