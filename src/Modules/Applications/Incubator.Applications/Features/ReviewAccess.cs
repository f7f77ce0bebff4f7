using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>Who may review a season's applications: its committee members and program leads.</summary>
internal sealed class ReviewAccess(ApplicationsDbContext db, ICurrentUser user)
{
    public bool IsLead => user.IsInRole(Roles.ProgramLead);

    public async Task<Rubric> RubricAsync(Guid seasonId, CancellationToken cancellationToken) =>
        await db.Rubrics.FirstOrDefaultAsync(r => r.SeasonId == seasonId, cancellationToken) ?? Rubric.Default(seasonId);

    /// <summary>A submitted application the caller may review; anything else is "not found".</summary>
    public async Task<(Application Application, Rubric Rubric)> ReviewableAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn, cancellationToken);
        if (application is null)
        {
            throw new NotFoundException(L("Candidature introuvable.", "Application not found."));
        }

        var rubric = await RubricAsync(application.SeasonId, cancellationToken);
        return IsLead || rubric.IsReviewer(user.RequiredId())
            ? (application, rubric)
            : throw new NotFoundException(L("Candidature introuvable.", "Application not found."));
    }

    public async Task<bool> MayReviewSeasonAsync(Guid seasonId, CancellationToken cancellationToken) =>
        IsLead || (user.Id is { } me && (await RubricAsync(seasonId, cancellationToken)).IsReviewer(me));

    /// <summary>The scope of a season's rubric: its weights against the season's first score (ADR 0020).</summary>
    public const string RubricFence = "rubric";

    /// <summary>The caller's own review of an application, tracked.</summary>
    public Task<Review?> MyReviewAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        return db.Reviews.FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.ReviewerUserId == me, cancellationToken);
    }

    public async Task<RubricDto> RubricDtoAsync(Rubric rubric, CancellationToken cancellationToken)
    {
        var locked = await db.Reviews.AnyAsync(r => r.SeasonId == rubric.SeasonId && r.State == ReviewState.Scored, cancellationToken);
        return new RubricDto(rubric.SeasonId, rubric.Criteria.Select(c => new CriterionDto(c.Key, c.Label, c.Weight)).ToList(),
            rubric.ReviewerUserIds, rubric.BlindReview, locked, rubric.Version);
    }
}
