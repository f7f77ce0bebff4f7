using FluentValidation;
using Incubator.Applications.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record ChooseInterviewSlot(Guid ApplicationId, ChooseSlotInput Input) : IRequest<InterviewDto>;

internal sealed class ChooseInterviewSlotValidator : AbstractValidator<ChooseInterviewSlot>
{
    public ChooseInterviewSlotValidator()
    {
        RuleFor(r => r.Input.SlotId).NotNull().OverridePropertyName("slotId");
    }
}

/// <summary>
/// The applicant takes a free slot. Two applicants taking the last one at once: the unique index on the slot lets one
/// commit, the other gets a 409 and the free slots left.
/// </summary>
internal sealed class ChooseInterviewSlotHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<ChooseInterviewSlot, InterviewDto>
{
    public async Task<InterviewDto> Handle(ChooseInterviewSlot request, CancellationToken cancellationToken)
    {
        var (application, interview) = await access.MineAsync(request.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        var slot = await access.FreeSlotAsync(application.SeasonId, request.Input.SlotId!.Value, now, cancellationToken);
        interview.Choose(slot, now);
        InterviewMails.Publish(db, interview, application, "Confirmed", slot, null, now);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
