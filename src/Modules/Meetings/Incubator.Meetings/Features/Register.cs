using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Features;

internal sealed record Register(Guid MeetingId, RegistrationInput Input) : IRequest<(RegistrationDto Registration, bool New)>;

internal sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(r => r.Input.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(r => r.Input.Email).NotEmpty().MaximumLength(256).EmailAddress().OverridePropertyName("email");
        RuleFor(r => r.Input.Town).NotEmpty().MaximumLength(100).OverridePropertyName("town");
    }
}

/// <summary>
/// Anyone registers to an information meeting, without an account (issue 25): a seat while there is one, else the
/// waiting list; a mail says which, with the invitation and the link that cancels. Two people taking the last seat at
/// the same moment both change the meeting: the later save is refused on its version, and that registration is decided
/// again on what the first committed (the waiting list), here rather than answered 409 to someone who did nothing wrong.
/// </summary>
internal sealed class RegisterHandler(MeetingsDbContext db, TimeProvider time) : IRequestHandler<Register, (RegistrationDto Registration, bool New)>
{
    private const int Attempts = 5;

    public async Task<(RegistrationDto Registration, bool New)> Handle(Register request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RegisterOnceAsync(request, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(RegistrationDto Registration, bool New)> RegisterOnceAsync(Register request, CancellationToken cancellationToken)
    {
        var meeting = await db.InformationMeetings.FirstOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken)
            ?? throw new NotFoundException(L("Réunion introuvable.", "Meeting not found."));
        var now = time.GetUtcNow();
        var (registration, isNew) = meeting.Register(request.Input.Name!, request.Input.Email!, request.Input.Town!, now);
        if (isNew)
        {
            MeetingMails.Publish(db, meeting, registration, registration.HasSeat ? "Registered" : "Waitlisted", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (new RegistrationDto(meeting.Id, registration.Status.ToString()), isNew);
    }
}
