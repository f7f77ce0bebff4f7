using FluentValidation;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Coaching.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record FormPair(Guid SeasonId, PairInput Input) : IRequest<PairDto>;

internal sealed class FormPairValidator : AbstractValidator<FormPair>
{
    public FormPairValidator()
    {
        RuleFor(r => r.Input.CoachUserIds).NotNull().Must(ids => ids is { Count: 2 } && ids[0] != ids[1])
            .WithMessage(_ => L("Un binôme, ce sont deux accompagnateurs différents.", "A pair is two different coaches."))
            .OverridePropertyName("coachUserIds");
    }
}

/// <summary>Two coaches formed into a pair for a season; the season's waiting projects are spread over its pairs.</summary>
internal sealed class FormPairHandler(CoachingDbContext db, IUserDirectory users, TimeProvider time) : IRequestHandler<FormPair, PairDto>
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
        return (await PairList.ReadAsync(db, users, request.SeasonId, cancellationToken)).Single(p => p.Id == pair.Id);
    }
}
