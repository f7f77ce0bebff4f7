using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Cohort;

public sealed record CohortMemberDto(Guid ApplicationId, string ProjectName, string DepartmentCode);

public sealed record CohortDto(
    Guid SeasonId,
    string Status,
    int? Capacity,
    IReadOnlyList<CohortMemberDto> Members,
    DateTimeOffset? ProposedAt,
    DateTimeOffset? ApprovedAt,
    Guid? ApprovedBy,
    Guid Version)
{
    internal static CohortDto From(Season s) => new(
        s.Id,
        s.CohortStatus.ToString(),
        s.Capacity,
        s.CohortMembers.Select(m => new CohortMemberDto(m.ApplicationId, m.ProjectName, m.DepartmentCode)).ToList(),
        s.CohortProposedAt,
        s.CohortApprovedAt,
        s.CohortApprovedBy,
        s.Version);
}

/// <summary>An application that may join the cohort, for the composition page.</summary>
public sealed record CohortCandidateDto(Guid ApplicationId, string ProjectName, string DepartmentCode, string Decision, bool InProposal);

public sealed record CohortProposal(IReadOnlyList<Guid>? ApplicationIds);

internal sealed record GetCohort(Guid SeasonId) : IRequest<CohortDto>;

internal sealed record ListCohortCandidates(Guid SeasonId) : IRequest<IReadOnlyList<CohortCandidateDto>>;

internal sealed record ProposeCohort(Guid SeasonId, CohortProposal Proposal) : IRequest<CohortDto>;

internal sealed record ApproveCohort(Guid SeasonId) : IRequest<CohortDto>;

internal sealed class ProposeCohortValidator : AbstractValidator<ProposeCohort>
{
    public ProposeCohortValidator()
    {
        RuleFor(r => r.Proposal.ApplicationIds).NotNull().OverridePropertyName("applicationIds");
        RuleFor(r => r.Proposal.ApplicationIds).Must(ids => ids is null || ids.Count <= Season.MaxCapacity)
            .OverridePropertyName("applicationIds");
    }
}

internal sealed class CohortHandlers(SeasonsDbContext db, TimeProvider time, ICurrentUser user) :
    IRequestHandler<GetCohort, CohortDto>,
    IRequestHandler<ListCohortCandidates, IReadOnlyList<CohortCandidateDto>>,
    IRequestHandler<ProposeCohort, CohortDto>,
    IRequestHandler<ApproveCohort, CohortDto>
{
    public async Task<CohortDto> Handle(GetCohort request, CancellationToken cancellationToken) =>
        CohortDto.From(await LoadAsync(request.SeasonId, tracking: false, cancellationToken));

    public async Task<IReadOnlyList<CohortCandidateDto>> Handle(ListCohortCandidates request, CancellationToken cancellationToken)
    {
        var season = await LoadAsync(request.SeasonId, tracking: false, cancellationToken);
        var inProposal = season.CohortMembers.Select(m => m.ApplicationId).ToHashSet();
        var candidates = await db.EligibleApplications.AsNoTracking()
            .Where(e => e.SeasonId == request.SeasonId && !e.Withdrawn && e.Decision != null)
            .OrderBy(e => e.ProjectName)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => c.MayJoinCohort)
            .Select(c => new CohortCandidateDto(c.ApplicationId, c.ProjectName, c.DepartmentCode, c.Decision!.Value.ToString(), inProposal.Contains(c.ApplicationId)))
            .ToList();
    }

    public async Task<CohortDto> Handle(ProposeCohort request, CancellationToken cancellationToken)
    {
        // Against a decision or a withdrawal recorded meanwhile (ADR 0020).
        await db.FenceAsync(ConsistencyFence.Season, request.SeasonId, cancellationToken);
        var season = await LoadAsync(request.SeasonId, tracking: true, cancellationToken);
        var ids = request.Proposal.ApplicationIds ?? [];
        var eligible = await db.EligibleApplications.Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        season.ProposeCohort(ids, eligible, user.RequiredId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CohortDto.From(season);
    }

    public async Task<CohortDto> Handle(ApproveCohort request, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ConsistencyFence.Season, request.SeasonId, cancellationToken);
        var season = await LoadAsync(request.SeasonId, tracking: true, cancellationToken);
        var ids = season.CohortMembers.Select(m => m.ApplicationId).ToList();
        var eligible = await db.EligibleApplications.AsNoTracking().Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        season.ApproveCohort(eligible, user.RequiredId(), time.GetUtcNow());
        db.Audit(user, time, "cohort.approved", season.Id, season.Name, $"{season.CohortMembers.Count} projets / projects");
        await db.SaveChangesAsync(cancellationToken);
        return CohortDto.From(season);
    }

    private async Task<Season> LoadAsync(Guid seasonId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Seasons : db.Seasons.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == seasonId, cancellationToken)
            ?? throw new NotFoundException(Texts.L("Saison introuvable.", "Season not found."));
    }
}
