using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record MyFeed(bool Renew) : IRequest<FeedDto>;

/// <summary>The secret address of the signed-in person's feed, made or renewed.</summary>
internal sealed class MyFeedHandler(TrainingsDbContext db, TrainingAccess access, ICurrentUser user, TimeProvider time) : IRequestHandler<MyFeed, FeedDto>
{
    public async Task<FeedDto> Handle(MyFeed request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == me, cancellationToken);
        var now = time.GetUtcNow();
        if (feed is null)
        {
            feed = new CalendarFeed(me, access.IsStaff, now);
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (request.Renew)
        {
            feed.Renew(access.IsStaff, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new FeedDto(feed.Token, feed.CreatedAt);
    }
}
