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

internal sealed record SubmitReview(Guid ApplicationId, ReviewInput Input) : IRequest<ReviewDto>;

internal sealed class SubmitReviewValidator : AbstractValidator<SubmitReview>
{
    public SubmitReviewValidator()
    {
        RuleFor(r => r.Input.ConflictOfInterest).NotNull().OverridePropertyName("conflictOfInterest");
        RuleFor(r => r.Input.Scores).NotEmpty().When(r => r.Input.ConflictOfInterest == false).OverridePropertyName("scores");
        RuleFor(r => r.Input.Scores).Empty().When(r => r.Input.ConflictOfInterest == true).OverridePropertyName("scores")
            .WithMessage(_ => L("Une déclaration de conflit d'intérêts ne porte pas de notes.", "A conflict-of-interest declaration carries no scores."));
    }
}

internal sealed class SubmitReviewHandler(ApplicationsDbContext db, ReviewAccess access, ICurrentUser user, TimeProvider time) : IRequestHandler<SubmitReview, ReviewDto>
{
    public async Task<ReviewDto> Handle(SubmitReview request, CancellationToken cancellationToken)
    {
        // The season's first score freezes the rubric's weights: it must not be computed with weights a lead is changing
        // at that moment. Later scores find the weights frozen, and do not contend with one another (ADR 0020).
        if (await db.Applications.Where(a => a.Id == request.ApplicationId).Select(a => (Guid?)a.SeasonId).FirstOrDefaultAsync(cancellationToken) is { } season
            && !await db.Reviews.AnyAsync(r => r.SeasonId == season && r.State == ReviewState.Scored, cancellationToken))
        {
            await db.FenceAsync(ReviewAccess.RubricFence, season, cancellationToken);
        }

        var (application, rubric) = await access.ReviewableAsync(request.ApplicationId, cancellationToken);
        var review = await access.MyReviewAsync(application.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (review is null)
        {
            review = Review.Declare(application.Id, application.SeasonId, user.RequiredId(), request.Input.ConflictOfInterest!.Value, now);
            db.Reviews.Add(review);
        }
        else if (request.Input.ConflictOfInterest == true && review.State != ReviewState.Recused)
        {
            throw new ConflictException(L(
                "Vous avez déclaré ne pas avoir de conflit d'intérêts ; prévenez un responsable de programme.",
                "You declared no conflict of interest; tell a program lead."));
        }

        if (request.Input.ConflictOfInterest == true)
        {
            await ScoreKeeper.SaveWithLedgerAsync(db, review, cancellationToken);
            return ReviewDto.From(review);
        }

        var before = review.State == ReviewState.Scored ? review.WeightedScore : null;
        review.Score(rubric, request.Input.Scores!, request.Input.Comment, now);
        await ScoreKeeper.FenceAsync(db, review, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ScoreKeeper.ReviewScoredAsync(db, review, before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReviewDto.From(review);
    }
}
