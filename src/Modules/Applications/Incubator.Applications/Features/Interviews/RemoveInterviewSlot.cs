using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record RemoveInterviewSlot(Guid SlotId) : IRequest<Unit>;

/// <summary>A lead removes a slot nobody holds; a held slot stays (the database refuses it too, should a booking land at once).</summary>
internal sealed class RemoveInterviewSlotHandler(ApplicationsDbContext db) : IRequestHandler<RemoveInterviewSlot, Unit>
{
    public async Task<Unit> Handle(RemoveInterviewSlot request, CancellationToken cancellationToken)
    {
        var slot = await db.InterviewSlots.FirstOrDefaultAsync(s => s.Id == request.SlotId, cancellationToken)
            ?? throw new NotFoundException(L("Créneau introuvable.", "Slot not found."));
        if (await db.Interviews.AnyAsync(i => i.SlotId == slot.Id, cancellationToken))
        {
            throw Held();
        }

        db.InterviewSlots.Remove(slot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw Held();
        }

        return Unit.Value;
    }

    private static ConflictException Held() => new(L(
        "Une candidature occupe ce créneau : invitez-la ailleurs avant de le retirer.",
        "An application holds this slot: invite it elsewhere before removing it."));
}
