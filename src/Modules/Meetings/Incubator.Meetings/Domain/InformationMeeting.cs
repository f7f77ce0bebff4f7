using System.Security.Cryptography;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Domain;

internal enum MeetingMode
{
    InPerson,
    Remote,
    Hybrid,
}

internal enum RegistrationStatus
{
    Registered,
    Waitlisted,
    Cancelled,
}

/// <summary>What a lead types to plan an information meeting, before it is checked.</summary>
internal sealed record MeetingPlan(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MeetingMode Mode, string? PlaceName, string? Address, string? Town,
    string? RemoteUrl, int Capacity, string? Details);

/// <summary>
/// A person registered to an information meeting, without an account: a name, an e-mail and a town, and the secret of
/// the link that cancels the registration. Erased (made anonymous) some months after the meeting; the count stays.
/// </summary>
internal sealed class Registration
{
    private Registration()
    {
        Name = Email = Town = CancelToken = string.Empty;
    }

    public Registration(string name, string email, string town, RegistrationStatus status, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = name;
        Email = email;
        Town = town;
        Status = status;
        RegisteredAt = now;
        CancelToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lower-cased and trimmed: one registration per e-mail and meeting.</summary>
    public string Email { get; private set; }

    public string Town { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string CancelToken { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }

    public bool Attended { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public bool HasSeat => Status == RegistrationStatus.Registered;

    internal void Promote() => Status = RegistrationStatus.Registered;

    internal void Cancel(DateTimeOffset now)
    {
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
    }

    internal void MarkReminded(DateTimeOffset now) => ReminderSentAt = now;

    internal void MarkAttended(bool attended) => Attended = attended;

    /// <summary>The person is forgotten; that someone registered (and came) is kept for the figures.</summary>
    internal void Erase(DateTimeOffset now)
    {
        Name = L("(effacé)", "(erased)");
        Email = $"erased-{Id:N}";
        Town = string.Empty;
        CancelToken = $"erased-{Id:N}";
        ErasedAt = now;
    }
}

/// <summary>
/// An information meeting (réunion d'information) of a season's call, before applications: in person at a place, remote
/// with a link, or both; a capacity, beyond which people join a waiting list, and a seat freed goes to the first of it.
/// </summary>
internal sealed class InformationMeeting : AggregateRoot
{
    public const int TitleMax = 200;
    public const int CapacityMax = 1000;
    public const int MaxHours = 12;
    public const int RemoteUrlMax = 500;

    private readonly List<Registration> _registrations = [];

    private InformationMeeting()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public MeetingMode Mode { get; private set; }

    public string? PlaceName { get; private set; }

    public string? Address { get; private set; }

    public string? Town { get; private set; }

    public string? RemoteUrl { get; private set; }

    public int Capacity { get; private set; }

    public string? Details { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many times a lead saved who came; each save publishes the counts with this number.</summary>
    public int AttendanceRevision { get; private set; }

    public IReadOnlyList<Registration> Registrations => _registrations;

    public int Seated => _registrations.Count(r => r.HasSeat);

    public int Waiting => _registrations.Count(r => r.Status == RegistrationStatus.Waitlisted);

    public int SeatsLeft => Math.Max(0, Capacity - Seated);

    /// <summary>Where, in both languages' words: for calendars and e-mails, which are read outside the site's language.</summary>
    public string Location => Mode == MeetingMode.Remote || PlaceName is null
        ? "À distance / Remote"
        : string.Join(", ", new[] { PlaceName, Address, Town }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static InformationMeeting Plan(Guid seasonId, MeetingPlan plan, DateTimeOffset now)
    {
        if (plan.StartsAt <= now)
        {
            throw new DomainException(L("Une réunion se planifie à l'avance.", "A meeting is planned ahead."), "startsAt");
        }

        if (plan.EndsAt <= plan.StartsAt)
        {
            throw new DomainException(L("La fin doit suivre le début.", "The end must come after the start."), "endsAt");
        }

        if (plan.EndsAt - plan.StartsAt > TimeSpan.FromHours(MaxHours))
        {
            throw new DomainException(L($"Une réunion dure au plus {MaxHours} heures.", $"A meeting lasts at most {MaxHours} hours."), "endsAt");
        }

        if (plan.Mode != MeetingMode.Remote && (string.IsNullOrWhiteSpace(plan.PlaceName) || string.IsNullOrWhiteSpace(plan.Town)))
        {
            throw new DomainException(L("Indiquez le lieu et la commune d'une réunion en présentiel ou hybride.", "Give the place and town of an in-person or hybrid meeting."), "placeName");
        }

        if (plan.Mode != MeetingMode.InPerson && !Calendars.IsWebLink(plan.RemoteUrl))
        {
            throw new DomainException(L("Donnez le lien de connexion (https://…) d'une réunion à distance ou hybride.", "Give the joining link (https://…) of a remote or hybrid meeting."), "remoteUrl");
        }

        return new InformationMeeting
        {
            Id = Guid.NewGuid(),
            SeasonId = seasonId,
            Title = plan.Title.Trim(),
            StartsAt = plan.StartsAt.ToUniversalTime(),
            EndsAt = plan.EndsAt.ToUniversalTime(),
            Mode = plan.Mode,
            PlaceName = Clean(plan.PlaceName),
            Address = Clean(plan.Address),
            Town = Clean(plan.Town),
            RemoteUrl = Clean(plan.RemoteUrl),
            Capacity = plan.Capacity,
            Details = Clean(plan.Details),
            CreatedAt = now,
        };
    }

    /// <summary>
    /// A seat if one is left, else the waiting list; the same e-mail again finds its registration as it is (no second
    /// one, no second mail). Closed once the meeting has started.
    /// </summary>
    /// <returns>The registration, and whether it is new.</returns>
    public (Registration Registration, bool New) Register(string name, string email, string town, DateTimeOffset now)
    {
        if (now >= StartsAt)
        {
            throw new ConflictException(L("Cette réunion a commencé : les inscriptions sont closes.", "This meeting has started: registrations are closed."));
        }

        var normalised = email.Trim().ToLowerInvariant();
        if (_registrations.FirstOrDefault(r => r.Email == normalised && r.Status != RegistrationStatus.Cancelled) is { } known)
        {
            return (known, false);
        }

        var registration = new Registration(name.Trim(), normalised, town.Trim(), SeatsLeft > 0 ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted, now);
        _registrations.Add(registration);
        return (registration, true);
    }

    /// <summary>Cancels a registration; its seat goes to the first on the waiting list, who is returned. Cancelling again changes nothing.</summary>
    public (Registration Cancelled, Registration? Promoted)? Cancel(string token, DateTimeOffset now)
    {
        var registration = _registrations.FirstOrDefault(r => r.CancelToken == token);
        if (registration is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return null;
        }

        var hadSeat = registration.HasSeat;
        registration.Cancel(now);
        var promoted = hadSeat && now < StartsAt
            ? _registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.RegisteredAt).FirstOrDefault()
            : null;
        promoted?.Promote();
        return (registration, promoted);
    }

    /// <summary>Who came, from the people registered (with a seat or waiting: some come all the same). Once the meeting has started.</summary>
    public void RecordAttendance(IReadOnlyCollection<Guid> came, DateTimeOffset now)
    {
        if (now < StartsAt)
        {
            throw new ConflictException(L("La réunion n'a pas encore eu lieu.", "The meeting has not taken place yet."));
        }

        var unknown = came.Where(id => _registrations.All(r => r.Id != id || r.Status == RegistrationStatus.Cancelled)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(L("Une des personnes cochées n'est pas inscrite à cette réunion.", "One of the people ticked is not registered to this meeting."), "registrationIds");
        }

        foreach (var registration in _registrations)
        {
            registration.MarkAttended(came.Contains(registration.Id));
        }

        AttendanceRevision++;
    }

    public int AttendedCount => _registrations.Count(r => r.Attended);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
