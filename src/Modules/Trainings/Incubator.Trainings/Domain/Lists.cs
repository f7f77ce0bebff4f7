namespace Incubator.Trainings.Domain;

/// <summary>A place where sessions are held, often a third place of the territory; reused from one session to the next.</summary>
internal sealed class Venue
{
    private Venue()
    {
        Name = string.Empty;
        Town = string.Empty;
    }

    public Venue(string name, string? address, string town, string? accessibilityNotes, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Town = town.Trim();
        AccessibilityNotes = string.IsNullOrWhiteSpace(accessibilityNotes) ? null : accessibilityNotes.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string? Address { get; private set; }

    public string Town { get; private set; }

    /// <summary>Step-free access, hearing loop, parking, public transport: what a participant needs to know before coming.</summary>
    public string? AccessibilityNotes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Place ToPlace() => new(Name, Address, Town);

    public bool IsNamed(string name, string town) =>
        string.Equals(Name, name.Trim(), StringComparison.OrdinalIgnoreCase) && string.Equals(Town, town.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Someone who leads training days, from the territory or not.</summary>
internal sealed class Trainer
{
    private Trainer()
    {
        Name = string.Empty;
    }

    public Trainer(string name, string? organisation, bool fromTerritory, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = name.Trim();
        Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        FromTerritory = fromTerritory;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string? Organisation { get; private set; }

    public bool FromTerritory { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public TrainerRef ToRef() => new(Name, Organisation);
}

/// <summary>A project of an approved cohort, as the Seasons module announced it: enrolled in every session of its season.</summary>
internal sealed class CohortMember
{
    private CohortMember()
    {
        ProjectName = string.Empty;
        DepartmentCode = string.Empty;
    }

    public CohortMember(Guid projectId, Guid seasonId, string projectName, string departmentCode, Guid applicantUserId, DateTimeOffset now)
    {
        ProjectId = projectId;
        SeasonId = seasonId;
        ProjectName = projectName;
        DepartmentCode = departmentCode;
        ApplicantUserId = applicantUserId;
        JoinedAt = now;
    }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }

    public Guid ApplicantUserId { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }
}

/// <summary>
/// A person's private calendar link: whoever holds the token reads that person's sessions, so a phone or
/// Outlook can subscribe without signing in. Renewing it replaces the token and the old link stops working.
/// </summary>
internal sealed class CalendarFeed
{
    private CalendarFeed()
    {
        Token = string.Empty;
    }

    public CalendarFeed(Guid userId, bool allSessions, DateTimeOffset now)
    {
        UserId = userId;
        AllSessions = allSessions;
        Token = NewToken();
        CreatedAt = now;
    }

    public Guid UserId { get; private set; }

    /// <summary>Program leads and coaches follow every session; an applicant only those of their projects.</summary>
    public bool AllSessions { get; private set; }

    public string Token { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Renew(bool allSessions, DateTimeOffset now)
    {
        Token = NewToken();
        AllSessions = allSessions;
        CreatedAt = now;
    }

    /// <summary>256 random bits, URL-safe.</summary>
    private static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
