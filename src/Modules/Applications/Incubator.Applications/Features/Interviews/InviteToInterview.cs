using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record InviteToInterview(Guid ApplicationId, InterviewInvitationInput Input) : IRequest<InterviewDto>;

/// <summary>
/// A lead invites a shortlisted application to a slot, or to choose one of the free slots; invited again, it moves (the
/// slot it held is free again). The applicant gets one mail, with the invitation when there is a slot.
/// </summary>
internal sealed class InviteToInterviewHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<InviteToInterview, InterviewDto>
{
    public async Task<InterviewDto> Handle(InviteToInterview request, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken)
            ?? throw new NotFoundException(L("Candidature introuvable.", "Application not found."));
        var now = time.GetUtcNow();
        var interview = await db.Interviews.FirstOrDefaultAsync(i => i.ApplicationId == application.Id, cancellationToken);
        if (request.Input.SlotId is { } slotId && slotId == interview?.SlotId)
        {
            return await access.ReadAsync(application.Id, cancellationToken); // already there: no second mail
        }

        var slot = request.Input.SlotId is { } id ? await access.FreeSlotAsync(application.SeasonId, id, now, cancellationToken) : null;
        var given = await access.SlotAsync(interview?.SlotId, cancellationToken);
        if (interview is null)
        {
            interview = Interview.Invite(application, slot, now);
            db.Interviews.Add(interview);
        }
        else
        {
            interview.Reinvite(application, slot, now);
        }

        InterviewMails.Publish(db, interview, application, slot is null ? "Choose" : "Invited", slot, given, now);
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
