using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Seasons.Contracts;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Seasons.Domain;

internal enum SeasonStatus
{
    Draft,
    ApplicationsOpen,
    Selection,
    Running,
    Closed,
}

internal enum CohortStatus
{
    Empty,
    Proposed,
    Approved,
}

/// <summary>The dates and figures a program lead sets for a season.</summary>
internal sealed record SeasonPlan(
    string Name,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateTimeOffset ApplicationsOpenAt,
    DateTimeOffset ApplicationsCloseAt,
    int? Capacity);

/// <summary>One run of a program: its dates, its call for applications, its capacity and its cohort.</summary>
internal sealed class Season : AggregateRoot
{
    public const int DefaultLengthInMonths = 15;
    public const int ProjectsPerCoachingPair = 6;
    public const int MaxCapacity = 500;

    private readonly List<CohortMember> _cohortMembers = [];

    private Season()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public string Name { get; private set; }

    public SeasonStatus Status { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateTimeOffset ApplicationsOpenAt { get; private set; }

    public DateTimeOffset ApplicationsCloseAt { get; private set; }

    /// <summary>The capacity set by a program lead; otherwise it follows the coaching pairs.</summary>
    public int? CapacityOverride { get; private set; }

    public int CoachingPairCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public CohortStatus CohortStatus { get; private set; }

    public IReadOnlyList<CohortMember> CohortMembers => _cohortMembers;

    public DateTimeOffset? CohortProposedAt { get; private set; }

    public Guid? CohortProposedBy { get; private set; }

    public DateTimeOffset? CohortApprovedAt { get; private set; }

    public Guid? CohortApprovedBy { get; private set; }

    public int? Capacity => CapacityOf(CapacityOverride, CoachingPairCount);

    /// <summary>The capacity set by a lead, else six projects per coaching pair formed, else none yet.</summary>
    public static int? CapacityOf(int? capacityOverride, int coachingPairCount) =>
        capacityOverride ?? (coachingPairCount > 0 ? coachingPairCount * ProjectsPerCoachingPair : null);

    public static Season Plan(Guid programId, SeasonPlan plan, DateTimeOffset now)
    {
        var season = new Season
        {
            Id = Guid.NewGuid(),
            ProgramId = programId,
            Status = SeasonStatus.Draft,
            CohortStatus = CohortStatus.Empty,
            CreatedAt = now,
        };
        season.Apply(plan);
        return season;
    }

    /// <summary>Dates may move until the call is closed; afterwards only the name, the end date and the capacity.</summary>
    public void Replan(SeasonPlan plan)
    {
        var datesMove = plan.StartsOn != StartsOn
            || plan.ApplicationsOpenAt != ApplicationsOpenAt
            || plan.ApplicationsCloseAt != ApplicationsCloseAt;
        if (datesMove && Status is not (SeasonStatus.Draft or SeasonStatus.ApplicationsOpen))
        {
            throw new ConflictException(L(
                "L'appel est clos : ses dates et la date de début ne peuvent plus changer.",
                "The call is closed: its dates and the start date can no longer change."));
        }

        if (Status == SeasonStatus.ApplicationsOpen && plan.ApplicationsOpenAt != ApplicationsOpenAt)
        {
            throw new ConflictException(L(
                "L'appel est ouvert : sa date d'ouverture ne peut plus changer (la clôture, si).",
                "The call is open: its opening time can no longer change (its closing time can)."));
        }

        Apply(plan);
    }

    private void Apply(SeasonPlan plan)
    {
        Name = AccompanimentProgram.Required(plan.Name, nameof(Name), 200);
        var endsOn = plan.EndsOn ?? plan.StartsOn.AddMonths(DefaultLengthInMonths);
        if (endsOn <= plan.StartsOn)
        {
            throw new DomainException(L("La fin doit suivre le début de la saison.", "The season must end after it starts."), "endsOn");
        }

        if (plan.ApplicationsCloseAt <= plan.ApplicationsOpenAt)
        {
            throw new DomainException(L("La clôture de l'appel doit suivre son ouverture.", "The call must close after it opens."), "applicationsCloseAt");
        }

        if (DateOnly.FromDateTime(ParisTime.ToLocal(plan.ApplicationsCloseAt)) > plan.StartsOn)
        {
            throw new DomainException(L(
                "L'appel doit se clore au plus tard le jour où la saison commence.",
                "The call must close on or before the day the season starts."), "applicationsCloseAt");
        }

        if (plan.Capacity is < 1 or > MaxCapacity)
        {
            throw new DomainException(L($"La capacité va de 1 à {MaxCapacity} projets.", $"Capacity ranges from 1 to {MaxCapacity} projects."), "capacity");
        }

        StartsOn = plan.StartsOn;
        EndsOn = endsOn;
        ApplicationsOpenAt = plan.ApplicationsOpenAt;
        ApplicationsCloseAt = plan.ApplicationsCloseAt;
        CapacityOverride = plan.Capacity;
    }

    public bool AcceptsApplicationsAt(DateTimeOffset instant) =>
        Status == SeasonStatus.ApplicationsOpen && instant >= ApplicationsOpenAt && instant < ApplicationsCloseAt;

    public void OpenApplications(DateTimeOffset now)
    {
        if (Status != SeasonStatus.Draft)
        {
            throw new ConflictException(L("Cet appel a déjà été ouvert.", "This call has already been opened."));
        }

        if (now >= ApplicationsCloseAt)
        {
            throw new ConflictException(L(
                "La date de clôture de l'appel est passée : changez-la avant d'ouvrir.",
                "The call's closing time has passed: change it before opening."));
        }

        Status = SeasonStatus.ApplicationsOpen;
        Raise(new SeasonOpenedForApplications(Id, ProgramId, Name, ApplicationsOpenAt, ApplicationsCloseAt) { OccurredAt = now });
    }

    /// <summary>Closes the call on a lead's request, now, even before its planned closing time.</summary>
    public void CloseApplications(DateTimeOffset now)
    {
        if (Status != SeasonStatus.ApplicationsOpen)
        {
            throw new ConflictException(L("L'appel n'est pas ouvert.", "The call is not open."));
        }

        if (now < ApplicationsCloseAt)
        {
            ApplicationsCloseAt = now;
        }

        Status = SeasonStatus.Selection;
        Raise(new ApplicationWindowClosed(Id, ApplicationsCloseAt) { OccurredAt = now });
    }

    /// <summary>What the scheduled sweep does: close a window whose time has come, start and end seasons on their dates.</summary>
    public bool AdvanceTo(DateTimeOffset now, DateOnly today)
    {
        var before = Status;
        if (Status == SeasonStatus.ApplicationsOpen && now >= ApplicationsCloseAt)
        {
            CloseApplications(now);
        }

        if (Status == SeasonStatus.Selection && today >= StartsOn)
        {
            Status = SeasonStatus.Running;
            Raise(new SeasonStarted(Id, StartsOn) { OccurredAt = now });
        }

        if (Status == SeasonStatus.Running && today > EndsOn)
        {
            Status = SeasonStatus.Closed;
        }

        return Status != before;
    }

    public void SetCoachingPairs(int pairCount)
    {
        CoachingPairCount = Math.Max(0, pairCount);
    }

    public void ProposeCohort(IReadOnlyCollection<Guid> applicationIds, IReadOnlyCollection<EligibleApplication> eligible, Guid proposedBy, DateTimeOffset now)
    {
        EnsureCohortCanChange();
        if (Capacity is not { } capacity)
        {
            throw new DomainException(L(
                "La capacité de la saison n'est pas connue : fixez-la ou formez les binômes d'accompagnement.",
                "The season's capacity is unknown: set it or form the coaching pairs."), "applicationIds");
        }

        var ids = applicationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException(L("Choisissez au moins un projet.", "Choose at least one project."), "applicationIds");
        }

        if (ids.Count > capacity)
        {
            throw new DomainException(L(
                $"{ids.Count} projets pour une capacité de {capacity} : retirez-en {ids.Count - capacity}.",
                $"{ids.Count} projects for a capacity of {capacity}: remove {ids.Count - capacity}."), "applicationIds");
        }

        var byId = eligible.Where(e => e.SeasonId == Id && e.MayJoinCohort).ToDictionary(e => e.ApplicationId);
        var refused = ids.Where(id => !byId.ContainsKey(id)).ToList();
        if (refused.Count > 0)
        {
            throw new DomainException(L(
                $"Seules les candidatures présélectionnées ou retenues de cette saison peuvent entrer dans la promotion ({refused.Count} ne le sont pas).",
                $"Only shortlisted or selected applications of this season may join the cohort ({refused.Count} are not)."), "applicationIds");
        }

        _cohortMembers.Clear();
        _cohortMembers.AddRange(ids.Select(id => new CohortMember(id, byId[id].ProjectName, byId[id].DepartmentCode, byId[id].ApplicantUserId)));
        CohortStatus = CohortStatus.Proposed;
        CohortProposedAt = now;
        CohortProposedBy = proposedBy;
    }

    /// <param name="eligible">What is known now of the proposed applications: one withdrawn or rejected since the proposal stops the approval.</param>
    public void ApproveCohort(IReadOnlyCollection<EligibleApplication> eligible, Guid approvedBy, DateTimeOffset now)
    {
        EnsureCohortCanChange();
        if (CohortStatus != CohortStatus.Proposed)
        {
            throw new ConflictException(L("Aucune promotion n'est proposée.", "No cohort has been proposed."));
        }

        var mayJoin = eligible.Where(e => e.MayJoinCohort).Select(e => e.ApplicationId).ToHashSet();
        var gone = _cohortMembers.Where(m => !mayJoin.Contains(m.ApplicationId)).Select(m => m.ProjectName).ToList();
        if (gone.Count > 0)
        {
            throw new ConflictException(L(
                $"Depuis la proposition, ces projets ont été retirés ou écartés : {string.Join(", ", gone)}. Proposez la promotion à nouveau.",
                $"Since the proposal, these projects were withdrawn or turned down: {string.Join(", ", gone)}. Propose the cohort again."));
        }

        if (Capacity is { } capacity && _cohortMembers.Count > capacity)
        {
            throw new ConflictException(L(
                $"La promotion proposée dépasse la capacité ({capacity}) : proposez-la à nouveau.",
                $"The proposed cohort exceeds the capacity ({capacity}): propose it again."));
        }

        CohortStatus = CohortStatus.Approved;
        CohortApprovedAt = now;
        CohortApprovedBy = approvedBy;
        Raise(new CohortApproved(Id, approvedBy, _cohortMembers
            .Select(m => new CohortProject(m.ApplicationId, m.ProjectName, m.DepartmentCode, m.ApplicantUserId))
            .ToList()) { OccurredAt = now });
    }

    private void EnsureCohortCanChange()
    {
        if (CohortStatus == CohortStatus.Approved)
        {
            throw new ConflictException(L("La promotion est déjà approuvée.", "The cohort is already approved."));
        }

        if (Status is not (SeasonStatus.Selection or SeasonStatus.Running))
        {
            throw new ConflictException(L(
                "La promotion se compose une fois l'appel clos.",
                "The cohort is composed once the call is closed."));
        }
    }
}

internal sealed class CohortMember
{
    private CohortMember()
    {
        ProjectName = string.Empty;
        DepartmentCode = string.Empty;
    }

    public CohortMember(Guid applicationId, string projectName, string departmentCode, Guid applicantUserId)
    {
        ApplicationId = applicationId;
        ProjectName = projectName;
        DepartmentCode = departmentCode;
        ApplicantUserId = applicantUserId;
    }

    public Guid ApplicantUserId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string ProjectName { get; private set; }

    public string DepartmentCode { get; private set; }
}
