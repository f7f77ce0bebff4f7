using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Domain;

internal enum ApplicationStatus
{
    Draft,
    Submitted,
    Shortlisted,
    Selected,
    Waitlisted,
    Rejected,
    Withdrawn,
}

/// <summary>The answers of an application form; a draft may leave any of them empty.</summary>
internal sealed record ApplicationAnswers(
    string? ProjectName,
    string? Summary,
    string? SocialNeed,
    string? Commune,
    string? DepartmentCode,
    string? CollectiveDimension,
    string? EconomicModel,
    IReadOnlyList<TeamMember> Team);

internal sealed record TeamMember(string Name, string Role, string? Email);

/// <summary>A project an applicant submits to a season's call ("candidature").</summary>
internal sealed class Application : AggregateRoot
{
    public const int LongTextMax = 4000;
    public const int MaxTeam = 12;

    private Application()
    {
    }

    public Guid Id { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid ApplicantUserId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string? ProjectName { get; private set; }

    public string? Summary { get; private set; }

    public string? SocialNeed { get; private set; }

    public string? Commune { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? CollectiveDimension { get; private set; }

    public string? EconomicModel { get; private set; }

    public List<TeamMember> Team { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The PDF's name as the applicant knew it, for display only.</summary>
    public string? AttachmentName { get; private set; }

    /// <summary>The name the server chose to store it under.</summary>
    public string? AttachmentStoredName { get; private set; }

    public long? AttachmentSize { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public static Application Draft(Guid seasonId, Guid applicantUserId, ApplicationAnswers answers, DateTimeOffset now)
    {
        var application = new Application
        {
            Id = Guid.NewGuid(),
            SeasonId = seasonId,
            ApplicantUserId = applicantUserId,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
        };
        application.Answer(answers, now);
        return application;
    }

    /// <summary>Saves the answers of a draft: the format of what is given is checked, completeness only at submission.</summary>
    public void Answer(ApplicationAnswers answers, DateTimeOffset now)
    {
        EnsureDraft();

        ProjectName = Text(answers.ProjectName, "projectName", 200);
        Summary = Text(answers.Summary, "summary", LongTextMax);
        SocialNeed = Text(answers.SocialNeed, "socialNeed", LongTextMax);
        Commune = Text(answers.Commune, "commune", 200);
        DepartmentCode = Text(answers.DepartmentCode, "departmentCode", 3) is { } code ? Departments.Normalize(code) : null;
        if (DepartmentCode is not null && !Departments.IsValid(DepartmentCode))
        {
            throw new DomainException(L(
                $"« {DepartmentCode} » n'est pas un département français (01 à 95, 2A, 2B, 971 à 974, 976).",
                $"'{DepartmentCode}' is not a French department (01 to 95, 2A, 2B, 971 to 974, 976)."), "departmentCode");
        }

        CollectiveDimension = Text(answers.CollectiveDimension, "collectiveDimension", LongTextMax);
        EconomicModel = Text(answers.EconomicModel, "economicModel", LongTextMax);
        if (answers.Team.Count > MaxTeam)
        {
            throw new DomainException(L($"{MaxTeam} membres d'équipe au plus.", $"At most {MaxTeam} team members."), "team");
        }

        Team = answers.Team.Select((m, i) => new TeamMember(
            Text(m.Name, $"team[{i}].name", 200) ?? throw new DomainException(L("Le nom est obligatoire.", "The name is required."), $"team[{i}].name"),
            Text(m.Role, $"team[{i}].role", 200) ?? string.Empty,
            Text(m.Email, $"team[{i}].email", 254))).ToList();
        UpdatedAt = now;
    }

    /// <summary>Attaches the project's PDF (replacing any earlier one, whose stored name is returned for deletion).</summary>
    public string? Attach(string displayName, string storedName, long size, DateTimeOffset now)
    {
        EnsureDraft();
        var previous = AttachmentStoredName;
        var name = Path.GetFileName(displayName.Replace('\\', '/')).Trim();
        AttachmentName = name.Length is 0 or > 200 ? "document.pdf" : name;
        AttachmentStoredName = storedName;
        AttachmentSize = size;
        UpdatedAt = now;
        return previous;
    }

    public string? Detach(DateTimeOffset now)
    {
        EnsureDraft();
        var previous = AttachmentStoredName;
        AttachmentName = null;
        AttachmentStoredName = null;
        AttachmentSize = null;
        UpdatedAt = now;
        return previous;
    }

    private void EnsureDraft()
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw new ConflictException(L(
                "Une candidature déposée ne peut plus être modifiée.",
                "A submitted application can no longer be changed."));
        }
    }

    /// <summary>The answers still missing, field by field (camelCase, as the API names them).</summary>
    public IReadOnlyDictionary<string, string[]> MissingAnswers()
    {
        var missing = new Dictionary<string, string[]>();
        var required = L("Cette réponse est nécessaire pour déposer la candidature.", "This answer is needed to submit the application.");
        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing[field] = [required];
            }
        }

        Require(ProjectName, "projectName");
        Require(Summary, "summary");
        Require(SocialNeed, "socialNeed");
        Require(Commune, "commune");
        Require(DepartmentCode, "departmentCode");
        Require(CollectiveDimension, "collectiveDimension");
        Require(EconomicModel, "economicModel");
        if (Team.Count == 0)
        {
            missing["team"] = [L("Présentez au moins une personne de l'équipe.", "Present at least one team member.")];
        }

        return missing;
    }

    /// <summary>Submits within the window, to the second of the server's clock, whatever the scheduled sweep did.</summary>
    public void Submit(DateTimeOffset now, bool windowOpen)
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw new ConflictException(L("Cette candidature est déjà déposée.", "This application is already submitted."));
        }

        if (!windowOpen)
        {
            throw new ConflictException(L(
                "L'appel à candidatures est clos : la candidature ne peut plus être déposée.",
                "The call for applications is closed: the application can no longer be submitted."));
        }

        var missing = MissingAnswers();
        if (missing.Count > 0)
        {
            throw new RequestValidationException(missing);
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        Raise(new ApplicationSubmitted(Id, SeasonId, ApplicantUserId, ProjectName!, DepartmentCode!, now) { OccurredAt = now });
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted))
        {
            throw new ConflictException(L(
                "Une décision a été prise : la candidature ne peut plus être retirée.",
                "A decision has been taken: the application can no longer be withdrawn."));
        }

        var wasSubmitted = Status != ApplicationStatus.Draft;
        Status = ApplicationStatus.Withdrawn;
        UpdatedAt = now;
        if (wasSubmitted)
        {
            Raise(new ApplicationWithdrawn(Id, SeasonId, now) { OccurredAt = now });
        }
    }

    /// <summary>A program lead's decision: shortlist a submitted application, then select, waitlist or reject it.</summary>
    public void Decide(ApplicationDecision decision, string? reason, DateTimeOffset now)
    {
        var allowed = (Status, decision) switch
        {
            (ApplicationStatus.Submitted, ApplicationDecision.Shortlisted or ApplicationDecision.Rejected) => true,
            (ApplicationStatus.Submitted or ApplicationStatus.Shortlisted or ApplicationStatus.Waitlisted,
                ApplicationDecision.Selected or ApplicationDecision.Waitlisted or ApplicationDecision.Rejected) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new ConflictException(L(
                $"Cette décision n'est pas possible pour une candidature à l'état « {Status} ».",
                $"This decision is not possible for an application in state '{Status}'."));
        }

        Status = decision switch
        {
            ApplicationDecision.Shortlisted => ApplicationStatus.Shortlisted,
            ApplicationDecision.Selected => ApplicationStatus.Selected,
            ApplicationDecision.Waitlisted => ApplicationStatus.Waitlisted,
            _ => ApplicationStatus.Rejected,
        };
        DecisionReason = Text(reason, "reason", 2000);
        DecidedAt = now;
        UpdatedAt = now;
        Raise(new ApplicationDecided(Id, SeasonId, ApplicantUserId, ProjectName!, DepartmentCode!, decision, DecisionReason, now) { OccurredAt = now });
    }

    /// <summary>
    /// The mean weighted score of its scored reviews (null until one is scored) and how many there are:
    /// written by <c>ScoreKeeper</c> in the transaction that scores a review, so that the review board
    /// sorts and pages on a column instead of aggregating every review of the season.
    /// </summary>
    public double? Score { get; private set; }

    public int ReviewCount { get; private set; }

    /// <summary>
    /// Its reviews other than bare declarations, as the board reads them (see <see cref="Domain.ReviewLedger"/>):
    /// written with <see cref="Score"/>, so the board reads a page of applications without joining their reviews.
    /// </summary>
    public string? ReviewLedger { get; private set; }

    /// <summary>Kept by the program once its cohort is approved: its project is accompanied and reported to funders.</summary>
    public bool InCohort { get; private set; }

    /// <summary>When its personal content was erased (the applicant left, or it was rejected long ago).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public void JoinCohort() => InCohort = true;

    /// <summary>
    /// Erases what identifies the project and its people: its name, its answers, its team, its PDF and the
    /// decision's reason. What the figures need stays: season, department, status and dates.
    /// Returns the stored name of the PDF to delete, if there was one.
    /// </summary>
    public string? Anonymise(DateTimeOffset now)
    {
        var file = AttachmentStoredName;
        ProjectName = L("Candidature anonymisée", "Anonymised application");
        Summary = null;
        SocialNeed = null;
        Commune = null;
        CollectiveDimension = null;
        EconomicModel = null;
        Team = [];
        AttachmentName = null;
        AttachmentStoredName = null;
        AttachmentSize = null;
        DecisionReason = null;
        UpdatedAt = now;
        if (AnonymisedAt is null)
        {
            AnonymisedAt = now;
            Raise(new ApplicationAnonymised(Id, SeasonId) { OccurredAt = now });
        }

        return file;
    }

    private static string? Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException(L($"{maxLength} caractères au plus.", $"At most {maxLength} characters."), field);
    }
}
