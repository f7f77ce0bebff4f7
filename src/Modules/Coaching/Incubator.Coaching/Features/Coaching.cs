using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Contracts;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

public sealed record CoachDto(Guid UserId, string DisplayName);

public sealed record PairProjectDto(Guid ProjectId, string ProjectName, Guid? LeadCoachUserId);

public sealed record PairDto(Guid Id, Guid SeasonId, IReadOnlyList<CoachDto> Coaches, IReadOnlyList<PairProjectDto> Projects);

public sealed record MilestoneDto(string Key, string Status, DateOnly? ReachedOn);

public sealed record SessionDto(Guid Id, DateOnly Date, int DurationMinutes, string Format, IReadOnlyList<Guid> CoachesPresent,
    string? Notes, string? Decisions, string? NextSteps, DateOnly? NextMeetingOn);

public sealed record ProjectDto(Guid ProjectId, string ProjectName, string DepartmentCode, Guid SeasonId, Guid? PairId, Guid? LeadCoachUserId,
    IReadOnlyList<Guid> CoachUserIds, string Health, string? HealthReason, IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<SessionDto> Sessions,
    DateOnly? LastSessionOn, DateOnly? NextMeetingOn);

/// <summary>A line of "Mes projets": what a coach needs to see first.</summary>
public sealed record MyProjectDto(Guid ProjectId, string ProjectName, string DepartmentCode, Guid? LeadCoachUserId, string Health, string? HealthReason,
    DateOnly? LastSessionOn, DateOnly? NextMeetingOn, int MilestonesDone, int MilestoneCount, bool NotSeenForFourWeeks);

public sealed record PairInput(IReadOnlyList<Guid>? CoachUserIds);

public sealed record SessionInput(DateOnly? Date, int? DurationMinutes, string? Format, IReadOnlyList<Guid>? CoachesPresent,
    string? Notes, string? Decisions, string? NextSteps, DateOnly? NextMeetingOn);

public sealed record MilestoneInput(string? Status);

public sealed record HealthInput(string? Health, string? Reason);

public sealed record AssignmentInput(Guid? PairId, Guid? LeadCoachUserId);

internal sealed record FormPair(Guid SeasonId, PairInput Input) : IRequest<PairDto>;

internal sealed record ListPairs(Guid SeasonId) : IRequest<IReadOnlyList<PairDto>>;

internal sealed record MyProjects : IRequest<IReadOnlyList<MyProjectDto>>;

internal sealed record GetProject(Guid ProjectId) : IRequest<ProjectDto>;

internal sealed record LogSession(Guid ProjectId, SessionInput Input) : IRequest<SessionDto>;

internal sealed record SetMilestone(Guid ProjectId, string Key, MilestoneInput Input) : IRequest<ProjectDto>;

internal sealed record SetHealth(Guid ProjectId, HealthInput Input) : IRequest<ProjectDto>;

internal sealed record Reassign(Guid ProjectId, AssignmentInput Input) : IRequest<ProjectDto>;

internal sealed class LogSessionValidator : AbstractValidator<LogSession>
{
    public LogSessionValidator()
    {
        RuleFor(r => r.Input.Date).NotNull().OverridePropertyName("date");
        RuleFor(r => r.Input.DurationMinutes).NotNull().InclusiveBetween(CoachedProject.MinMinutes, CoachedProject.MaxMinutes).OverridePropertyName("durationMinutes");
        RuleFor(r => r.Input.Format).NotEmpty().IsEnumName(typeof(SessionFormat), caseSensitive: false).OverridePropertyName("format");
    }
}

internal sealed class FormPairValidator : AbstractValidator<FormPair>
{
    public FormPairValidator()
    {
        RuleFor(r => r.Input.CoachUserIds).NotNull().Must(ids => ids is { Count: 2 } && ids[0] != ids[1])
            .WithMessage(_ => L("Un binôme, ce sont deux accompagnateurs différents.", "A pair is two different coaches."))
            .OverridePropertyName("coachUserIds");
    }
}

/// <summary>Who sees a project: program leads, and the two coaches of its pair; anyone else gets "not found".</summary>
internal sealed class CoachingAccess(CoachingDbContext db, ICurrentUser user)
{
    public bool IsLead => user.IsInRole(Roles.ProgramLead);

    public async Task<(CoachedProject Project, CoachingPair? Pair)> ProjectAsync(Guid projectId, bool tracking, CancellationToken cancellationToken)
    {
        var projects = tracking ? db.Projects : db.Projects.AsNoTracking();
        var project = await projects.FirstOrDefaultAsync(p => p.ProjectId == projectId, cancellationToken);
        var pair = project?.PairId is { } pairId ? await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken) : null;
        var mine = pair is not null && user.Id is { } me && pair.Has(me);
        return project is not null && (IsLead || mine)
            ? (project, pair)
            : throw new NotFoundException(L("Projet introuvable.", "Project not found."));
    }

    /// <summary>True when the caller is the project's applicant rather than its coaches or a lead.</summary>
    public async Task<CoachedProject?> AsApplicantAsync(Guid projectId, CancellationToken cancellationToken) =>
        user.Id is { } me && !IsLead
            ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId && p.ApplicantUserId == me, cancellationToken)
            : null;
}

internal sealed class CoachingHandlers(CoachingDbContext db, CoachingAccess access, ICurrentUser user, IUserDirectory users, TimeProvider time) :
    IRequestHandler<FormPair, PairDto>,
    IRequestHandler<ListPairs, IReadOnlyList<PairDto>>,
    IRequestHandler<MyProjects, IReadOnlyList<MyProjectDto>>,
    IRequestHandler<GetProject, ProjectDto>,
    IRequestHandler<LogSession, SessionDto>,
    IRequestHandler<SetMilestone, ProjectDto>,
    IRequestHandler<SetHealth, ProjectDto>,
    IRequestHandler<Reassign, ProjectDto>
{
    public async Task<PairDto> Handle(FormPair request, CancellationToken cancellationToken)
    {
        var ids = request.Input.CoachUserIds!;
        var coaches = (await users.InRoleAsync(Roles.Coach, cancellationToken)).Select(c => c.Id).ToHashSet();
        if (ids.Any(id => !coaches.Contains(id)))
        {
            throw new DomainException(L("Les deux personnes doivent avoir un compte accompagnateur.", "Both people must have a coach account."), "coachUserIds");
        }

        // Against another pair formed with the same coach, and the cohort's projects spread over the pairs (ADR 0020).
        await db.FenceAsync(ConsistencyFence.Season, request.SeasonId, cancellationToken);
        var pairs = await db.Pairs.Where(p => p.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        if (pairs.Any(p => ids.Any(p.Has)))
        {
            throw new ConflictException(L("Un de ces accompagnateurs est déjà dans un binôme de la saison.", "One of these coaches is already in a pair of this season."));
        }

        var now = time.GetUtcNow();
        var pair = CoachingPair.Form(request.SeasonId, ids[0], ids[1], now);
        db.Pairs.Add(pair);
        db.AddToOutbox(new CoachingCapacityChanged(request.SeasonId, pairs.Count + 1) { OccurredAt = now });
        await AssignWaitingProjects.RunAsync(db, request.SeasonId, [.. pairs, pair], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await PairsAsync(request.SeasonId, cancellationToken)).Single(p => p.Id == pair.Id);
    }

    public Task<IReadOnlyList<PairDto>> Handle(ListPairs request, CancellationToken cancellationToken) => PairsAsync(request.SeasonId, cancellationToken);

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

    public async Task<ProjectDto> Handle(GetProject request, CancellationToken cancellationToken)
    {
        if (await access.AsApplicantAsync(request.ProjectId, cancellationToken) is { } own)
        {
            // The applicant reads decisions and next steps; the pair's private notes stay with the pair and the leads.
            var dto = ToDto(own, null);
            return dto with { Sessions = dto.Sessions.Select(s => s with { Notes = null }).ToList() };
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: false, cancellationToken);
        return ToDto(project, pair);
    }

    public async Task<SessionDto> Handle(LogSession request, CancellationToken cancellationToken)
    {
        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        if (pair is null)
        {
            throw new ConflictException(L("Ce projet n'a pas encore de binôme.", "This project has no coaching pair yet."));
        }

        var input = request.Input;
        var log = new SessionLog(input.Date!.Value, input.DurationMinutes!.Value, Enum.Parse<SessionFormat>(input.Format!, ignoreCase: true),
            input.CoachesPresent ?? [], Clean(input.Notes), Clean(input.Decisions), Clean(input.NextSteps), input.NextMeetingOn);
        project.Log(log, pair, user.RequiredId(), ParisTime.Today(time), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(project.Sessions[^1]);
    }

    public async Task<ProjectDto> Handle(SetMilestone request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<MilestoneStatus>(request.Input.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
        {
            throw new DomainException(L("État attendu : NotStarted, InProgress ou Done.", "Expected status: NotStarted, InProgress or Done."), "status");
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        project.SetMilestone(request.Key, status, ParisTime.Today(time), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(project, pair);
    }

    public async Task<ProjectDto> Handle(SetHealth request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Health>(request.Input.Health, ignoreCase: true, out var health) || !Enum.IsDefined(health))
        {
            throw new DomainException(L("État attendu : OnTrack, NeedsAttention ou AtRisk.", "Expected: OnTrack, NeedsAttention or AtRisk."), "health");
        }

        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        project.SetHealth(health, request.Input.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(project, pair);
    }

    public async Task<ProjectDto> Handle(Reassign request, CancellationToken cancellationToken)
    {
        var (project, _) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        await db.FenceAsync(ConsistencyFence.Season, project.SeasonId, cancellationToken); // the pair's load is read below (ADR 0020)
        var pair = await db.Pairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.Input.PairId && p.SeasonId == project.SeasonId, cancellationToken)
            ?? throw new DomainException(L("Binôme inconnu pour cette saison.", "No such pair in this season."), "pairId");
        var lead = request.Input.LeadCoachUserId ?? Guid.Empty;
        if (!pair.Has(lead))
        {
            throw new DomainException(L("Le référent doit être un des deux accompagnateurs du binôme.", "The lead coach must be one of the pair's coaches."), "leadCoachUserId");
        }

        var others = await db.Projects.AsNoTracking().Where(p => p.PairId == pair.Id && p.ProjectId != project.ProjectId).ToListAsync(cancellationToken);
        if (others.Count >= Assignment.ProjectsPerPair)
        {
            throw new ConflictException(L("Ce binôme suit déjà six projets.", "This pair already follows six projects."));
        }

        if (others.Count(p => p.LeadCoachUserId == lead) >= Assignment.ProjectsPerCoach)
        {
            throw new ConflictException(L("Cet accompagnateur est déjà référent de trois projets.", "This coach already leads three projects."));
        }

        var from = project.PairId;
        project.AssignTo(pair.Id, lead);
        db.Audit(user, time, "coaching.reassigned", project.ProjectId, project.ProjectName, $"{from?.ToString() ?? "-"} → {pair.Id} ({lead})");
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(project, pair);
    }

    private async Task<IReadOnlyList<PairDto>> PairsAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        var pairs = await db.Pairs.AsNoTracking().Where(p => p.SeasonId == seasonId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.SeasonId == seasonId && p.PairId != null)
            .Select(p => new { p.ProjectId, p.ProjectName, p.PairId, p.LeadCoachUserId }).ToListAsync(cancellationToken);
        var contacts = await users.FindManyAsync(pairs.SelectMany(p => new[] { p.CoachAUserId, p.CoachBUserId }).Distinct().ToList(), cancellationToken);
        var result = new List<PairDto>();
        foreach (var pair in pairs)
        {
            var coaches = new[] { pair.CoachAUserId, pair.CoachBUserId }
                .Select(id => new CoachDto(id, contacts.GetValueOrDefault(id)?.DisplayName ?? L("(compte supprimé)", "(deleted account)")))
                .ToList();
            result.Add(new PairDto(pair.Id, seasonId, coaches, projects.Where(p => p.PairId == pair.Id)
                .OrderBy(p => p.ProjectName).Select(p => new PairProjectDto(p.ProjectId, p.ProjectName, p.LeadCoachUserId)).ToList()));
        }

        return result;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\0", string.Empty, StringComparison.Ordinal).Trim();

    internal static ProjectDto ToDto(CoachedProject p, CoachingPair? pair) => new(
        p.ProjectId, p.ProjectName, p.DepartmentCode, p.SeasonId, p.PairId, p.LeadCoachUserId,
        pair is null ? [] : [pair.CoachAUserId, pair.CoachBUserId], p.Health.ToString(), p.HealthReason,
        p.Milestones.Select(m => new MilestoneDto(m.Key, m.Status.ToString(), m.ReachedOn)).ToList(),
        p.Sessions.OrderByDescending(s => s.Date).Select(ToDto).ToList(),
        p.LastSessionOn, p.NextMeetingOn);

    private static SessionDto ToDto(CoachingSession s) => new(
        s.Id, s.Date, s.DurationMinutes, s.Format.ToString(), s.CoachesPresent, s.PrivateNotes, s.Decisions, s.NextSteps, s.NextMeetingOn);
}

/// <summary>Places the season's projects that have no pair yet, as <see cref="Assignment"/> decides.</summary>
internal static class AssignWaitingProjects
{
    public static async Task RunAsync(CoachingDbContext db, Guid seasonId, IReadOnlyList<CoachingPair> pairs, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.Where(p => p.SeasonId == seasonId).ToListAsync(cancellationToken);
        projects.AddRange(db.Projects.Local.Where(p => p.SeasonId == seasonId && !projects.Contains(p)));
        var loads = pairs.Select(pair => new Assignment.PairLoad(pair.Id, pair.CoachAUserId, pair.CoachBUserId,
            projects.Count(p => p.PairId == pair.Id && p.LeadCoachUserId == pair.CoachAUserId),
            projects.Count(p => p.PairId == pair.Id && p.LeadCoachUserId == pair.CoachBUserId)));
        var waiting = projects.Where(p => p.PairId is null).ToDictionary(p => p.ProjectId);
        foreach (var placement in Assignment.Spread(waiting.Keys, loads))
        {
            waiting[placement.ProjectId].AssignTo(placement.PairId, placement.LeadCoachUserId);
        }
    }
}
