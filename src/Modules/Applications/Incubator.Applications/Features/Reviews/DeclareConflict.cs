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

internal sealed record DeclareConflict(Guid ApplicationId, bool ConflictOfInterest) : IRequest<ReviewDto>;

internal sealed class DeclareConflictHandler(ApplicationsDbContext db, ReviewAccess access, ICurrentUser user, TimeProvider time) : IRequestHandler<DeclareConflict, ReviewDto>
{
    public async Task<ReviewDto> Handle(DeclareConflict request, CancellationToken cancellationToken)
    {
        var (application, _) = await access.ReviewableAsync(request.ApplicationId, cancellationToken);
        var review = await access.MyReviewAsync(application.Id, cancellationToken);
        if (review is not null)
        {
            throw new ConflictException(L("Vous avez déjà fait votre déclaration pour cette candidature.", "You have already declared for this application."));
        }

        review = Review.Declare(application.Id, application.SeasonId, user.RequiredId(), request.ConflictOfInterest, time.GetUtcNow());
        db.Reviews.Add(review);
        await ScoreKeeper.SaveWithLedgerAsync(db, review, cancellationToken);
        return ReviewDto.From(review);
    }
}
