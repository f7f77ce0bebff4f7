using FluentValidation;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Cohort;

internal sealed record ProposeCohort(Guid SeasonId, CohortProposal Proposal) : IRequest<CohortDto>;

internal sealed class ProposeCohortValidator : AbstractValidator<ProposeCohort>
{
    public ProposeCohortValidator()
    {
        RuleFor(r => r.Proposal.ApplicationIds).NotNull().OverridePropertyName("applicationIds");
        RuleFor(r => r.Proposal.ApplicationIds).Must(ids => ids is null || ids.Count <= Season.MaxCapacity)
            .OverridePropertyName("applicationIds");
    }
}

internal sealed class ProposeCohortHandler(SeasonsDbContext db, TimeProvider time, ICurrentUser user) : IRequestHandler<ProposeCohort, CohortDto>
{
    public async Task<CohortDto> Handle(ProposeCohort request, CancellationToken cancellationToken)
    {
        // Against a decision or a withdrawal recorded meanwhile (ADR 0020).
        await db.FenceAsync(ConsistencyFence.Season, request.SeasonId, cancellationToken);
        var season = await db.SeasonAsync(request.SeasonId, tracking: true, cancellationToken);
        var ids = request.Proposal.ApplicationIds ?? [];
        var eligible = await db.EligibleApplications.Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken);
        season.ProposeCohort(ids, eligible, user.RequiredId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CohortDto.From(season);
    }
}
