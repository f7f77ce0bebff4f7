using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record OpenInterviewSlot(Guid SeasonId, InterviewSlotInput Input) : IRequest<InterviewSlotDto>;

internal sealed class OpenInterviewSlotValidator : AbstractValidator<OpenInterviewSlot>
{
    public OpenInterviewSlotValidator()
    {
        RuleFor(r => r.Input.StartsAt).NotNull().OverridePropertyName("startsAt");
        RuleFor(r => r.Input.DurationMinutes).NotNull().OverridePropertyName("durationMinutes");
    }
}

/// <summary>A lead opens a slot for the season's jury interviews.</summary>
internal sealed class OpenInterviewSlotHandler(ApplicationsDbContext db, ISeasonDirectory seasons, TimeProvider time) : IRequestHandler<OpenInterviewSlot, InterviewSlotDto>
{
    public async Task<InterviewSlotDto> Handle(OpenInterviewSlot request, CancellationToken cancellationToken)
    {
        _ = await seasons.RequireAsync(request.SeasonId, cancellationToken);
        var input = request.Input;
        var slot = InterviewSlot.Open(request.SeasonId, input.StartsAt!.Value, input.DurationMinutes!.Value, input.Place, input.RemoteUrl, time.GetUtcNow());
        db.InterviewSlots.Add(slot);
        await db.SaveChangesAsync(cancellationToken);
        return InterviewAccess.ToDto(slot);
    }
}
