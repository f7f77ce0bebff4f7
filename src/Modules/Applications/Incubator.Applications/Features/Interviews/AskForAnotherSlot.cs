using Incubator.Applications.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record AskForAnotherSlot(Guid ApplicationId, AnotherSlotInput Input) : IRequest<InterviewDto>;

/// <summary>
/// The applicant cannot come: the slot is free again, the lead reads why, and the applicant may choose a free slot at once.
/// The mail's invitation cancels the slot in their calendar.
/// </summary>
internal sealed class AskForAnotherSlotHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<AskForAnotherSlot, InterviewDto>
{
    public async Task<InterviewDto> Handle(AskForAnotherSlot request, CancellationToken cancellationToken)
    {
        var (application, interview) = await access.MineAsync(request.ApplicationId, cancellationToken);
        var given = await access.SlotAsync(interview.SlotId, cancellationToken);
        var now = time.GetUtcNow();
        interview.AskForAnother(request.Input.Message, now);
        InterviewMails.Publish(db, interview, application, "Released", null, given, now);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
