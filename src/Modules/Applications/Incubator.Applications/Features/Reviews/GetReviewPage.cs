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

internal sealed record GetReviewPage(Guid ApplicationId) : IRequest<ReviewPageData>;

internal sealed class GetReviewPageHandler(ApplicationsDbContext db, ReviewAccess access, ICurrentUser user) : IRequestHandler<GetReviewPage, ReviewPageData>
{
    /// <summary>Three queries: the application, its season's rubric, the caller's review.</summary>
    public async Task<ReviewPageData> Handle(GetReviewPage request, CancellationToken cancellationToken)
    {
        var (application, rubric) = await access.ReviewableAsync(request.ApplicationId, cancellationToken);
        var me = user.RequiredId();
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == me, cancellationToken);
        var content = access.IsLead ? ApplicationDto.From(application)
            : review?.State is ReviewState.Declared or ReviewState.Scored ? (rubric.BlindReview ? ApplicationDto.Blind(application) : ApplicationDto.From(application))
            : null;
        return new ReviewPageData(application.Id, application.SeasonId, content,
            rubric.Criteria.Select(c => new CriterionDto(c.Key, c.Label, c.Weight)).ToList(), review is null ? null : ReviewDto.From(review));
    }
}
