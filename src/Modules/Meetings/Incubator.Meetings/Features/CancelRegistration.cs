using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Domain;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Features;

/// <summary>What the link of a registration's mail finds, before the person confirms (a link opened by a mail filter must not cancel).</summary>
internal sealed record FindRegistration(string Token) : IRequest<CancellationDto>;

/// <summary>The person cancels through the link of their mail; the seat goes to the first on the waiting list, who is told.</summary>
internal sealed record CancelRegistration(string Token) : IRequest<CancellationDto>;

internal sealed class CancelRegistrationHandler(MeetingsDbContext db, TimeProvider time) :
    IRequestHandler<FindRegistration, CancellationDto>,
    IRequestHandler<CancelRegistration, CancellationDto>
{
    private const int Attempts = 5;

    public async Task<CancellationDto> Handle(FindRegistration request, CancellationToken cancellationToken)
    {
        var meeting = await MeetingOfAsync(request.Token, tracking: false, cancellationToken);
        var registration = meeting.Registrations.Single(r => r.CancelToken == request.Token);
        return new CancellationDto(meeting.Id, meeting.Title, meeting.StartsAt, registration.Status.ToString());
    }

    public async Task<CancellationDto> Handle(CancelRegistration request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CancelOnceAsync(request.Token, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // someone registered or cancelled at the same moment: decide again on what they committed
            }
        }
    }

    private async Task<CancellationDto> CancelOnceAsync(string token, CancellationToken cancellationToken)
    {
        var meeting = await MeetingOfAsync(token, tracking: true, cancellationToken);
        var now = time.GetUtcNow();
        if (meeting.Cancel(token, now) is { } done)
        {
            MeetingMails.Publish(db, meeting, done.Cancelled, "Cancelled", now);
            if (done.Promoted is { } promoted)
            {
                MeetingMails.Publish(db, meeting, promoted, "Promoted", now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new CancellationDto(meeting.Id, meeting.Title, meeting.StartsAt, RegistrationStatus.Cancelled.ToString());
    }

    private async Task<InformationMeeting> MeetingOfAsync(string token, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.InformationMeetings : db.InformationMeetings.AsNoTracking();
        return string.IsNullOrWhiteSpace(token) || token.Length > 64 || token.StartsWith("erased-", StringComparison.Ordinal)
            ? throw NotFound()
            : await query.FirstOrDefaultAsync(m => m.Registrations.Any(r => r.CancelToken == token), cancellationToken) ?? throw NotFound();
    }

    private static NotFoundException NotFound() => new(L("Ce lien d'annulation n'est pas valable.", "This cancellation link is not valid."));
}
