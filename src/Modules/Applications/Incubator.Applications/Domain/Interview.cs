using Incubator.BuildingBlocks.Application;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Domain;

/// <summary>
/// A time a lead opens for a jury interview of a season's selection: a place, a link or both. It holds one application
/// at most (a unique index on <see cref="Interview.SlotId"/>).
/// </summary>
internal sealed class InterviewSlot
{
    public const int MinMinutes = 10;
    public const int MaxMinutes = 240;

    private InterviewSlot()
    {
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Place { get; private set; }

    public string? RemoteUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static InterviewSlot Open(Guid seasonId, DateTimeOffset startsAt, int minutes, string? place, string? remoteUrl, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (startsAt <= now)
        {
            errors["startsAt"] = [L("Un créneau se prévoit dans le futur.", "A slot is planned in the future.")];
        }

        if (minutes is < MinMinutes or > MaxMinutes)
        {
            errors["durationMinutes"] = [L($"Entre {MinMinutes} et {MaxMinutes} minutes.", $"Between {MinMinutes} and {MaxMinutes} minutes.")];
        }

        place = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        remoteUrl = string.IsNullOrWhiteSpace(remoteUrl) ? null : remoteUrl.Trim();
        if (place is null && remoteUrl is null)
        {
            errors["place"] = [L("Indiquez un lieu, un lien de visioconférence, ou les deux.", "Give a place, a video link, or both.")];
        }
        else if (place is { Length: > 300 })
        {
            errors["place"] = [L("300 caractères au plus.", "At most 300 characters.")];
        }

        if (remoteUrl is not null && (remoteUrl.Length > 500 || !Calendars.IsWebLink(remoteUrl)))
        {
            errors["remoteUrl"] = [L("Une adresse web complète (https://…).", "A full web address (https://…).")];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new InterviewSlot
        {
            Id = Guid.NewGuid(),
            SeasonId = seasonId,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(minutes),
            Place = place,
            RemoteUrl = remoteUrl,
            CreatedAt = now,
        };
    }

    /// <summary>Where, as one line: the place, the link, or both.</summary>
    public string Where => string.Join(" · ", new[] { Place, RemoteUrl }.Where(p => p is not null));
}

internal enum InterviewStatus
{
    /// <summary>A lead put the application in a slot; the applicant has not answered yet.</summary>
    Invited,

    /// <summary>The applicant confirmed the slot, or chose it.</summary>
    Confirmed,

    /// <summary>The applicant is to choose a free slot (invited to choose, or asked for another one).</summary>
    Choosing,
}

/// <summary>
/// A shortlisted application's jury interview: which slot, and where the applicant stands. <see cref="Sequence"/> grows with
/// each change of slot, so that the invitation in the applicant's calendar follows (one UID per interview).
/// </summary>
internal sealed class Interview
{
    public const int MessageMax = 1000;

    private Interview()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid? SlotId { get; private set; }

    public InterviewStatus Status { get; private set; }

    /// <summary>The applicant's word when they asked for another slot.</summary>
    public string? Message { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A lead invites: to a slot, or (no slot) to choose one of the free slots.</summary>
    public static Interview Invite(Application application, InterviewSlot? slot, DateTimeOffset now)
    {
        EnsureShortlisted(application);
        var interview = new Interview { Id = Guid.NewGuid(), ApplicationId = application.Id, SeasonId = application.SeasonId, InvitedAt = now, Sequence = -1 };
        interview.Place(slot, now);
        return interview;
    }

    /// <summary>A lead invites again: another slot, or a choice. The previous slot is free again.</summary>
    public void Reinvite(Application application, InterviewSlot? slot, DateTimeOffset now)
    {
        EnsureShortlisted(application);
        Place(slot, now);
        Message = null;
    }

    public void Confirm(DateTimeOffset now)
    {
        if (Status == InterviewStatus.Confirmed)
        {
            return;
        }

        if (Status != InterviewStatus.Invited)
        {
            throw new ConflictException(L("Choisissez d'abord un créneau.", "Choose a slot first."));
        }

        Status = InterviewStatus.Confirmed;
        UpdatedAt = now;
    }

    /// <summary>The applicant takes a free slot themselves.</summary>
    public void Choose(InterviewSlot slot, DateTimeOffset now)
    {
        if (Status != InterviewStatus.Choosing)
        {
            throw new ConflictException(L(
                "Un créneau vous est déjà proposé : confirmez-le, ou demandez-en un autre.",
                "A slot is already offered to you: confirm it, or ask for another one."));
        }

        EnsureFuture(slot, now);
        SlotId = slot.Id;
        Status = InterviewStatus.Confirmed;
        Sequence++;
        UpdatedAt = now;
    }

    /// <summary>The applicant cannot come: the slot is given back, and they may choose another one.</summary>
    public void AskForAnother(string? message, DateTimeOffset now)
    {
        if (SlotId is null)
        {
            throw new ConflictException(L("Aucun créneau ne vous est réservé.", "No slot is booked for you."));
        }

        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (text is { Length: > MessageMax })
        {
            throw new DomainException(L($"{MessageMax} caractères au plus.", $"At most {MessageMax} characters."), "message");
        }

        SlotId = null;
        Status = InterviewStatus.Choosing;
        Message = text;
        Sequence++;
        UpdatedAt = now;
    }

    /// <summary>The applicant's word may name people or their circumstances: it goes with the application's content.</summary>
    public void ForgetMessage() => Message = null;

    private void Place(InterviewSlot? slot, DateTimeOffset now)
    {
        if (slot is not null)
        {
            if (slot.SeasonId != SeasonId)
            {
                throw new DomainException(L("Ce créneau est celui d'une autre saison.", "This slot belongs to another season."), "slotId");
            }

            EnsureFuture(slot, now);
        }

        SlotId = slot?.Id;
        Status = slot is null ? InterviewStatus.Choosing : InterviewStatus.Invited;
        Sequence++;
        UpdatedAt = now;
    }

    private static void EnsureFuture(InterviewSlot slot, DateTimeOffset now)
    {
        if (slot.StartsAt <= now)
        {
            throw new ConflictException(L("Ce créneau est passé.", "This slot is past."));
        }
    }

    private static void EnsureShortlisted(Application application)
    {
        if (application.Status != ApplicationStatus.Shortlisted)
        {
            throw new ConflictException(L(
                "Seule une candidature présélectionnée est invitée à un entretien.",
                "Only a shortlisted application is invited to an interview."));
        }
    }
}

/// <summary>
/// A person of a season's interview jury: a committee member or lead (with an account), or someone named from a partner
/// structure. Only a member with an account reads the applications and writes notes.
/// </summary>
internal sealed class JuryMember
{
    private JuryMember()
    {
        Name = string.Empty;
    }

    public JuryMember(Guid seasonId, string name, string? organisation, Guid? userId)
    {
        Id = Guid.NewGuid();
        SeasonId = seasonId;
        Name = name;
        Organisation = organisation;
        UserId = userId;
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public string Name { get; private set; }

    public string? Organisation { get; private set; }

    public Guid? UserId { get; private set; }
}

internal enum InterviewRecommendation
{
    Select,
    Waitlist,
    Reject,
}

internal enum InterviewNoteState
{
    /// <summary>No conflict declared: the member may read the application and write.</summary>
    Declared,

    /// <summary>A conflict of interest: the member steps aside for this application.</summary>
    Recused,

    Written,
}

/// <summary>One jury member's notes on one interview, after the same declaration as a review.</summary>
internal sealed class InterviewNote
{
    public const int NotesMax = 4000;

    private InterviewNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid JuryUserId { get; private set; }

    public InterviewNoteState State { get; private set; }

    public string? Notes { get; private set; }

    public InterviewRecommendation? Recommendation { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? WrittenAt { get; private set; }

    public static InterviewNote Declare(Guid applicationId, Guid seasonId, Guid juryUserId, bool conflictOfInterest, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ApplicationId = applicationId,
        SeasonId = seasonId,
        JuryUserId = juryUserId,
        State = conflictOfInterest ? InterviewNoteState.Recused : InterviewNoteState.Declared,
        DeclaredAt = now,
    };

    public void Write(string? notes, InterviewRecommendation recommendation, DateTimeOffset now)
    {
        if (State == InterviewNoteState.Recused)
        {
            throw new ConflictException(L(
                "Vous avez déclaré un conflit d'intérêts : vous ne pouvez pas donner d'avis sur ce projet.",
                "You declared a conflict of interest: you cannot give an opinion on this project."));
        }

        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text is { Length: > NotesMax })
        {
            throw new DomainException(L($"{NotesMax} caractères au plus.", $"At most {NotesMax} characters."), "notes");
        }

        Notes = text;
        Recommendation = recommendation;
        State = InterviewNoteState.Written;
        WrittenAt = now;
    }

    /// <summary>Notes may name the project's people: they go with the application's content.</summary>
    public void Forget() => Notes = null;
}
