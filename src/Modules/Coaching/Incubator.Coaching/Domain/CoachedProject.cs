using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Coaching.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Domain;

internal enum Health
{
    OnTrack,
    NeedsAttention,
    AtRisk,
}

internal enum SessionFormat
{
    InPerson,
    Video,
    Phone,
}

internal enum MilestoneStatus
{
    NotStarted,
    InProgress,
    Done,
}

internal sealed record Milestone(string Key, MilestoneStatus Status, DateOnly? ReachedOn);

internal sealed record SessionLog(
    DateOnly Date,
    int DurationMinutes,
    SessionFormat Format,
    IReadOnlyList<Guid> CoachesPresent,
    string? PrivateNotes,
    string? Decisions,
    string? NextSteps,
    DateOnly? NextMeetingOn);

internal sealed class CoachingSession
{
    private CoachingSession()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public int DurationMinutes { get; private set; }

    public SessionFormat Format { get; private set; }

    public List<Guid> CoachesPresent { get; private set; } = [];

    public string? PrivateNotes { get; private set; }

    public string? Decisions { get; private set; }

    public string? NextSteps { get; private set; }

    public DateOnly? NextMeetingOn { get; private set; }

    public Guid LoggedBy { get; private set; }

    public DateTimeOffset LoggedAt { get; private set; }

    public static CoachingSession From(SessionLog log, Guid loggedBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Date = log.Date,
        DurationMinutes = log.DurationMinutes,
        Format = log.Format,
        CoachesPresent = log.CoachesPresent.Distinct().ToList(),
        PrivateNotes = log.PrivateNotes,
        Decisions = log.Decisions,
        NextSteps = log.NextSteps,
        NextMeetingOn = log.NextMeetingOn,
        LoggedBy = loggedBy,
        LoggedAt = now,
    };
}

/// <summary>A project of a season's cohort as its coaching pair follows it; its id is the application's.</summary>
internal sealed class CoachedProject : AggregateRoot
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 8 * 60;

    public static readonly IReadOnlyList<string> MilestoneKeys = ["diagnostic", "economicModel", "legalStructure", "fundingPlan", "governance", "launch"];

    private readonly List<CoachingSession> _sessions = [];

    private CoachedProject()
    {
        ProjectName = string.Empty;
        DepartmentCode = string.Empty;
    }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }

    /// <summary>The applicant who carries the project: they read its decisions and next steps, never the private notes.</summary>
    public Guid ApplicantUserId { get; private set; }

    public Guid? PairId { get; private set; }

    public Guid? LeadCoachUserId { get; private set; }

    public Health Health { get; private set; }

    public string? HealthReason { get; private set; }

    public List<Milestone> Milestones { get; private set; } = [];

    public IReadOnlyList<CoachingSession> Sessions => _sessions;

    public DateOnly? LastSessionOn { get; private set; }

    public DateOnly? NextMeetingOn { get; private set; }

    /// <summary>The Monday of the last week this project was flagged in the digest: once a week, whatever the reruns.</summary>
    public DateOnly? LastFlaggedWeek { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public static CoachedProject Join(Guid projectId, Guid seasonId, string name, string departmentCode, Guid applicantUserId, DateTimeOffset now) => new()
    {
        ProjectId = projectId,
        ApplicantUserId = applicantUserId,
        SeasonId = seasonId,
        ProjectName = name,
        DepartmentCode = departmentCode,
        Health = Health.OnTrack,
        Milestones = MilestoneKeys.Select(k => new Milestone(k, MilestoneStatus.NotStarted, null)).ToList(),
        JoinedAt = now,
    };

    public void AssignTo(Guid pairId, Guid leadCoachUserId)
    {
        PairId = pairId;
        LeadCoachUserId = leadCoachUserId;
    }

    public void Log(SessionLog log, CoachingPair pair, Guid loggedBy, DateOnly today, DateTimeOffset now)
    {
        if (pair.Id != PairId)
        {
            throw new ConflictException(L("Ce projet n'est pas suivi par ce binôme.", "This project is not followed by this pair."));
        }

        if (log.Date > today)
        {
            throw new DomainException(L("Une séance ne peut pas être datée dans le futur.", "A session cannot be dated in the future."), "date");
        }

        if (log.DurationMinutes is < MinMinutes or > MaxMinutes)
        {
            throw new DomainException(L("La durée va de 5 minutes à 8 heures.", "The duration ranges from 5 minutes to 8 hours."), "durationMinutes");
        }

        if (log.NextMeetingOn is { } next && next < log.Date)
        {
            throw new DomainException(L("Le prochain rendez-vous suit la séance.", "The next meeting comes after the session."), "nextMeetingOn");
        }

        if (log.CoachesPresent.Any(c => !pair.Has(c)))
        {
            throw new DomainException(L("Seuls les accompagnateurs du binôme peuvent être présents.", "Only the pair's coaches can be present."), "coachesPresent");
        }

        foreach (var (text, field) in new[] { (log.PrivateNotes, "notes"), (log.Decisions, "decisions"), (log.NextSteps, "nextSteps") })
        {
            if (text is { Length: > 8000 })
            {
                throw new DomainException(L("8000 caractères au plus.", "At most 8000 characters."), field);
            }
        }

        var session = CoachingSession.From(log with { CoachesPresent = log.CoachesPresent.Count == 0 ? [loggedBy] : log.CoachesPresent }, loggedBy, now);
        _sessions.Add(session);
        LastSessionOn = LastSessionOn is { } last && last > log.Date ? last : log.Date;
        if (log.NextMeetingOn is not null && (LastSessionOn == log.Date))
        {
            NextMeetingOn = log.NextMeetingOn;
        }

        Raise(new CoachingSessionLogged(ProjectId, SeasonId, session.Id, log.Date, log.DurationMinutes) { OccurredAt = now });
    }

    public void SetMilestone(string key, MilestoneStatus status, DateOnly today, DateTimeOffset now)
    {
        var index = Milestones.FindIndex(m => m.Key == key);
        if (index < 0)
        {
            throw new NotFoundException(L("Jalon inconnu.", "Unknown milestone."));
        }

        var current = Milestones[index];
        if (current.Status == status)
        {
            return;
        }

        var reachedOn = status == MilestoneStatus.Done ? today : (DateOnly?)null;
        Milestones = Milestones.Select((m, i) => i == index ? new Milestone(key, status, reachedOn) : m).ToList();
        if (status == MilestoneStatus.Done)
        {
            Raise(new MilestoneReached(ProjectId, SeasonId, key, today) { OccurredAt = now });
        }
    }

    public void SetHealth(Health health, string? reason)
    {
        var trimmed = reason?.Trim();
        if (health != Health.OnTrack && string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(L("Dites pourquoi en une phrase.", "Say why in one sentence."), "reason");
        }

        if (trimmed is { Length: > 500 })
        {
            throw new DomainException(L("500 caractères au plus.", "At most 500 characters."), "reason");
        }

        Health = health;
        HealthReason = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public int MilestonesDone => Milestones.Count(m => m.Status == MilestoneStatus.Done);

    /// <summary>Not seen for four weeks (or never, four weeks after joining).</summary>
    public bool NotSeenSince(DateOnly today, int days = 28) => NotSeen(LastSessionOn, JoinedAt, today, days);

    /// <summary>The same rule for a list read as a projection, without the project's sessions.</summary>
    public static bool NotSeen(DateOnly? lastSessionOn, DateTimeOffset joinedAt, DateOnly today, int days = 28) =>
        (lastSessionOn ?? DateOnly.FromDateTime(joinedAt.UtcDateTime)) <= today.AddDays(-days);

    public bool FlagForWeek(DateOnly monday)
    {
        if (LastFlaggedWeek == monday)
        {
            return false;
        }

        LastFlaggedWeek = monday;
        return true;
    }
}
