using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Contracts;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Events;

/// <summary>Learns which applications may join a cohort from the Applications module's decisions.</summary>
internal sealed class WhenApplicationDecided(SeasonsDbContext db, TimeProvider time)
    : InboxHandler<ApplicationDecided, SeasonsDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationDecided notification, CancellationToken cancellationToken)
    {
        await Db.FenceAsync(ConsistencyFence.Season, notification.SeasonId, cancellationToken); // against a cohort proposed or approved (ADR 0020)
        var known = await Db.EligibleApplications.FirstOrDefaultAsync(e => e.ApplicationId == notification.ApplicationId, cancellationToken);
        if (known is null)
        {
            Db.EligibleApplications.Add(EligibleApplication.From(notification));
        }
        else
        {
            known.Apply(notification);
        }
    }
}

internal sealed class WhenApplicationWithdrawn(SeasonsDbContext db, TimeProvider time)
    : InboxHandler<ApplicationWithdrawn, SeasonsDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(ApplicationWithdrawn notification, CancellationToken cancellationToken)
    {
        await Db.FenceAsync(ConsistencyFence.Season, notification.SeasonId, cancellationToken);
        var known = await Db.EligibleApplications.FirstOrDefaultAsync(e => e.ApplicationId == notification.ApplicationId, cancellationToken);
        known?.Withdraw(notification.WithdrawnAt);
    }
}

/// <summary>The season's capacity follows its coaching pairs (six projects each) unless a lead set it.</summary>
internal sealed class WhenCoachingCapacityChanged(SeasonsDbContext db, TimeProvider time)
    : InboxHandler<CoachingCapacityChanged, SeasonsDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(CoachingCapacityChanged notification, CancellationToken cancellationToken)
    {
        var season = await Db.Seasons.FirstOrDefaultAsync(s => s.Id == notification.SeasonId, cancellationToken);
        season?.SetCoachingPairs(notification.PairCount);
    }
}
