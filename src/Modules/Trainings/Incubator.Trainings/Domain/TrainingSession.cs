using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Trainings.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Domain;

internal enum TrainingMode
{
    InPerson,
    Remote,
    Hybrid,
}

internal enum AttendanceStatus
{
    Present,
    Remote,
    Excused,
    Absent,
}

/// <summary>Where a session takes place, as it was when planned (a venue edited later does not rewrite history).</summary>
internal sealed record Place(string Name, string? Address, string Town);

internal sealed record TrainerRef(string Name, string? Organisation);

/// <summary>What a session is, as typed by a lead, before it is checked.</summary>
internal sealed record SessionPlan(
    string Title,
    string? Topic,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid? VenueId,
    Place? Place,
    TrainerRef? Trainer,
    int Capacity,
    TrainingMode Mode,
    string? RemoteUrl);

/// <summary>A project of the cohort enrolled in a session, with the reminders already sent to it.</summary>
internal sealed class Enrolment
{
    private Enrolment()
    {
        ProjectName = string.Empty;
    }

    public Enrolment(Guid projectId, string projectName, Guid applicantUserId, DateTimeOffset now)
    {
        ProjectId = projectId;
        ProjectName = projectName;
        ApplicantUserId = applicantUserId;
        EnrolledAt = now;
    }

    public Guid ProjectId { get; private set; }

    public string ProjectName { get; private set; }

    public Guid ApplicantUserId { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? WeekReminderSentAt { get; private set; }

    public DateTimeOffset? DayReminderSentAt { get; private set; }

    /// <summary>7 or 1 when that reminder is due now and not yet sent; J-7 is skipped once J-1 is due.</summary>
    public int? DueReminder(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (now >= startsAt)
        {
            return null;
        }

        if (now >= startsAt.AddDays(-1))
        {
            return DayReminderSentAt is null ? 1 : null;
        }

        return now >= startsAt.AddDays(-7) && WeekReminderSentAt is null ? 7 : null;
    }

    /// <summary>The session moved to another day: the reminders of the new date are still to send.</summary>
    public void ForgetReminders()
    {
        WeekReminderSentAt = null;
        DayReminderSentAt = null;
    }

    public void MarkReminded(int daysBefore, DateTimeOffset now)
    {
        if (daysBefore == 1)
        {
            DayReminderSentAt = now;
        }
        else
        {
            WeekReminderSentAt = now;
        }
    }
}

/// <summary>One line of the attendance sheet (émargement).</summary>
internal sealed class Attendance
{
    private Attendance()
    {
        ParticipantName = string.Empty;
    }

    public Attendance(Guid projectId, string participantName, AttendanceStatus status, decimal hours)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        ParticipantName = participantName;
        Status = status;
        Hours = hours;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public string ParticipantName { get; private set; }

    public AttendanceStatus Status { get; private set; }

    public decimal Hours { get; private set; }

    public bool Attended => Status is AttendanceStatus.Present or AttendanceStatus.Remote;
}

/// <summary>When and where a session was before it moved or was cancelled.</summary>
internal sealed record SessionSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place);

/// <summary>What a lead ticks on the sheet for one participant; hours default to the whole session when attended.</summary>
internal sealed record AttendanceEntry(Guid ProjectId, string ParticipantName, AttendanceStatus Status, decimal? Hours);

/// <summary>A collective training day of a season, with its enrolled projects and its attendance sheet.</summary>
internal sealed class TrainingSession : AggregateRoot
{
    public const int TitleMax = 200;
    public const int MaxHours = 12;
    public const int MaxCapacity = 500;

    public const int RemoteUrlMax = 500;

    /// <summary>The reason of a move or a cancellation, told to the participants.</summary>
    public const int ReasonMax = 500;

    private readonly List<Enrolment> _enrolments = [];
    private readonly List<Attendance> _attendance = [];

    private TrainingSession()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid? SeriesId { get; private set; }

    public string Title { get; private set; }

    public string? Topic { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public Guid? VenueId { get; private set; }

    public Place? Place { get; private set; }

    public TrainerRef? Trainer { get; private set; }

    public int Capacity { get; private set; }

    public TrainingMode Mode { get; private set; }

    public string? RemoteUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The iCalendar revision of the event (RFC 5545 <c>SEQUENCE</c>): one more at each move or cancellation, so that a
    /// calendar that holds the session replaces it by the newer one.
    /// </summary>
    public int Sequence { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Why the session last moved or was cancelled, as the lead wrote it to the participants.</summary>
    public string? ChangeReason { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public bool Cancelled => CancelledAt is not null;

    /// <summary>How many times the attendance sheet was saved; each save publishes the whole sheet with this number.</summary>
    public int AttendanceRevision { get; private set; }

    public IReadOnlyList<Enrolment> Enrolments => _enrolments;

    public IReadOnlyList<Attendance> Attendance => _attendance;

    public decimal DurationHours => Math.Round((decimal)(EndsAt - StartsAt).TotalHours, 2);

    /// <summary>Present or remote over every line of the sheet; null while nothing is recorded.</summary>
    public decimal? AttendanceRate => _attendance.Count == 0 ? null : Math.Round((decimal)_attendance.Count(a => a.Attended) / _attendance.Count, 4);

    public bool Held => _attendance.Any(a => a.Attended);

    public static TrainingSession Plan(Guid seasonId, Guid? seriesId, SessionPlan plan, DateOnly seasonStartsOn, DateOnly seasonEndsOn, DateTimeOffset now)
    {
        Check(plan, seasonStartsOn, seasonEndsOn);
        return new TrainingSession
        {
            Id = Guid.NewGuid(),
            SeasonId = seasonId,
            SeriesId = seriesId,
            Title = plan.Title.Trim(),
            Topic = string.IsNullOrWhiteSpace(plan.Topic) ? null : plan.Topic.Trim(),
            StartsAt = plan.StartsAt.ToUniversalTime(),
            EndsAt = plan.EndsAt.ToUniversalTime(),
            VenueId = plan.VenueId,
            Place = plan.Place,
            Trainer = plan.Trainer,
            Capacity = plan.Capacity,
            Mode = plan.Mode,
            RemoteUrl = string.IsNullOrWhiteSpace(plan.RemoteUrl) ? null : plan.RemoteUrl.Trim(),
            CreatedAt = now,
        };
    }

    private static void Check(SessionPlan plan, DateOnly seasonStartsOn, DateOnly seasonEndsOn)
    {
        if (plan.EndsAt <= plan.StartsAt)
        {
            throw new DomainException(L("La fin doit suivre le début.", "The end must come after the start."), "endsAt");
        }

        if (plan.EndsAt - plan.StartsAt > TimeSpan.FromHours(MaxHours))
        {
            throw new DomainException(L($"Une session dure au plus {MaxHours} heures.", $"A session lasts at most {MaxHours} hours."), "endsAt");
        }

        var day = DateOnly.FromDateTime(ParisTime.ToLocal(plan.StartsAt));
        if (day < seasonStartsOn || day > seasonEndsOn)
        {
            throw new DomainException(
                L($"La session doit avoir lieu pendant la saison (du {seasonStartsOn:dd/MM/yyyy} au {seasonEndsOn:dd/MM/yyyy}).",
                  $"The session must take place during the season ({seasonStartsOn:yyyy-MM-dd} to {seasonEndsOn:yyyy-MM-dd})."),
                "startsAt");
        }

        if (plan.Mode != TrainingMode.Remote && plan.Place is null)
        {
            throw new DomainException(L("Indiquez le lieu d'une session en présentiel ou hybride.", "Give the venue of an in-person or hybrid session."), "venue");
        }

        if (plan.RemoteUrl?.Trim().Length > RemoteUrlMax)
        {
            throw new DomainException(L($"Le lien fait au plus {RemoteUrlMax} caractères.", $"The link is at most {RemoteUrlMax} characters long."), "remoteUrl");
        }

        if (plan.Mode != TrainingMode.InPerson && !Calendars.IsWebLink(plan.RemoteUrl))
        {
            throw new DomainException(L("Donnez le lien de connexion (https://…) d'une session à distance ou hybride.", "Give the joining link (https://…) of a remote or hybrid session."), "remoteUrl");
        }
    }

    /// <summary>
    /// Moves the session (day, hours, venue, trainer, mode): it keeps its enrolments; when the day or hour changes the
    /// reminders start again for the new date. Nothing changed is no change (no mail). A session whose sheet is recorded
    /// took place, and a cancelled one stays cancelled.
    /// </summary>
    /// <returns>Where and when the session was, or null when nothing changed.</returns>
    public SessionSlot? Move(SessionPlan plan, string reason, DateOnly seasonStartsOn, DateOnly seasonEndsOn, DateTimeOffset now)
    {
        EnsureChangeable("déplacée", "moved");
        Check(plan, seasonStartsOn, seasonEndsOn);
        var startsAt = plan.StartsAt.ToUniversalTime();
        var endsAt = plan.EndsAt.ToUniversalTime();
        var remoteUrl = string.IsNullOrWhiteSpace(plan.RemoteUrl) ? null : plan.RemoteUrl.Trim();
        if (startsAt == StartsAt && endsAt == EndsAt && plan.VenueId == VenueId && plan.Place == Place && plan.Trainer == Trainer && plan.Mode == Mode && remoteUrl == RemoteUrl)
        {
            return null;
        }

        var before = new SessionSlot(StartsAt, EndsAt, Location);
        if (startsAt != StartsAt)
        {
            foreach (var enrolment in _enrolments)
            {
                enrolment.ForgetReminders();
            }
        }

        (StartsAt, EndsAt, VenueId, Place, Trainer, Mode, RemoteUrl) = (startsAt, endsAt, plan.VenueId, plan.Place, plan.Trainer, plan.Mode, remoteUrl);
        Changed(reason, now);
        return before;
    }

    /// <summary>Cancels the session: no reminder any more, and calendars show it cancelled. Its enrolments stay, for the record.</summary>
    public SessionSlot Cancel(string reason, DateTimeOffset now)
    {
        EnsureChangeable("annulée", "cancelled");
        CancelledAt = now;
        Changed(reason, now);
        return new SessionSlot(StartsAt, EndsAt, Location);
    }

    private void EnsureChangeable(string verbFr, string verbEn)
    {
        if (Cancelled)
        {
            throw new ConflictException(L("Cette session est annulée.", "This session is cancelled."));
        }

        if (_attendance.Count > 0)
        {
            throw new ConflictException(L($"La feuille de présence de cette session est saisie : elle a eu lieu et ne peut plus être {verbFr}.",
                $"This session's attendance sheet is recorded: it took place and can no longer be {verbEn}."));
        }
    }

    private void Changed(string reason, DateTimeOffset now)
    {
        Sequence++;
        ChangeReason = reason.Trim();
        ChangedAt = now;
    }

    /// <summary>Enrols a project of the cohort; doing it again changes nothing.</summary>
    public bool Enrol(Guid projectId, string projectName, Guid applicantUserId, DateTimeOffset now)
    {
        if (_enrolments.Any(e => e.ProjectId == projectId))
        {
            return false;
        }

        _enrolments.Add(new Enrolment(projectId, projectName, applicantUserId, now));
        return true;
    }

    /// <summary>
    /// Replaces the sheet: every line must name an enrolled project, hours cannot exceed the session,
    /// and the whole sheet is published so the funders' report follows corrections.
    /// </summary>
    public void RecordAttendance(IReadOnlyList<AttendanceEntry> entries, DateTimeOffset now)
    {
        if (Cancelled)
        {
            throw new ConflictException(L("Cette session est annulée : elle n'a pas de feuille de présence.", "This session is cancelled: it has no attendance sheet."));
        }

        var enrolled = _enrolments.Select(e => e.ProjectId).ToHashSet();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!enrolled.Contains(entry.ProjectId))
            {
                throw new DomainException(L("Ce projet n'est pas inscrit à la session.", "This project is not enrolled in the session."), $"[{i}].projectId");
            }

            if (string.IsNullOrWhiteSpace(entry.ParticipantName))
            {
                throw new DomainException(L("Indiquez le nom du participant.", "Give the participant's name."), $"[{i}].participantName");
            }

            if (entry.Hours is { } hours && (hours < 0 || hours > DurationHours))
            {
                throw new DomainException(L($"Entre 0 et {DurationHours} heures.", $"Between 0 and {DurationHours} hours."), $"[{i}].hours");
            }
        }

        var duplicate = entries.GroupBy(e => (e.ProjectId, Name: e.ParticipantName.Trim().ToUpperInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(L($"{duplicate.First().ParticipantName} figure deux fois.", $"{duplicate.First().ParticipantName} appears twice."), "participantName");
        }

        _attendance.Clear();
        foreach (var entry in entries)
        {
            var attended = entry.Status is AttendanceStatus.Present or AttendanceStatus.Remote;
            var hours = attended ? entry.Hours ?? DurationHours : 0m;
            _attendance.Add(new Attendance(entry.ProjectId, entry.ParticipantName.Trim(), entry.Status, hours));
        }

        AttendanceRevision++;
        Raise(new TrainingAttendanceRecorded(Id, SeasonId, StartsAt, DurationHours, AttendanceRevision,
            _attendance.Select(a => new AttendanceLine(a.ProjectId, a.ParticipantName, a.Status.ToString(), a.Hours)).ToList()) { OccurredAt = now });
    }

    /// <summary>Where, in both languages' words: for calendars and e-mails, which are read outside the site's language.</summary>
    public string Location => Mode == TrainingMode.Remote || Place is null
        ? "À distance / Remote"
        : string.Join(", ", new[] { Place.Name, Place.Address, Place.Town }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
