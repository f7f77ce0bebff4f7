using Incubator.Applications.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record ConfirmInterview(Guid ApplicationId) : IRequest<InterviewDto>;

/// <summary>The applicant confirms the slot a lead offered; confirming again changes nothing and sends nothing.</summary>
internal sealed class ConfirmInterviewHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<ConfirmInterview, InterviewDto>
{
    public async Task<InterviewDto> Handle(ConfirmInterview request, CancellationToken cancellationToken)
    {
        var (application, interview) = await access.MineAsync(request.ApplicationId, cancellationToken);
        var before = interview.Status;
        var now = time.GetUtcNow();
        interview.Confirm(now);
        if (interview.Status != before)
        {
            InterviewMails.Publish(db, interview, application, "Confirmed", await access.SlotAsync(interview.SlotId, cancellationToken), null, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
