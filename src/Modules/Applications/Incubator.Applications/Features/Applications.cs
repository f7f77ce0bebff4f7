using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

public sealed record TeamMemberDto(string? Name, string? Role, string? Email);

/// <summary>The body of an application, as the API and the form send it; a draft may be incomplete.</summary>
public sealed record ApplicationInput(
    string? ProjectName,
    string? Summary,
    string? SocialNeed,
    string? Commune,
    string? DepartmentCode,
    string? CollectiveDimension,
    string? EconomicModel,
    IReadOnlyList<TeamMemberDto>? Team)
{
    internal ApplicationAnswers ToAnswers() => new(ProjectName, Summary, SocialNeed, Commune, DepartmentCode, CollectiveDimension, EconomicModel,
        (Team ?? []).Select(m => new TeamMember(m.Name ?? string.Empty, m.Role ?? string.Empty, m.Email)).ToList());
}

public sealed record ApplicationDto(
    Guid Id,
    Guid SeasonId,
    string Status,
    string? ProjectName,
    string? Summary,
    string? SocialNeed,
    string? Commune,
    string? DepartmentCode,
    string? CollectiveDimension,
    string? EconomicModel,
    IReadOnlyList<TeamMemberDto> Team,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    string? AttachmentName,
    long? AttachmentSize,
    IReadOnlyDictionary<string, string[]> MissingAnswers)
{
    internal static ApplicationDto From(Application a) => new(
        a.Id, a.SeasonId, a.Status.ToString(), a.ProjectName, a.Summary, a.SocialNeed, a.Commune, a.DepartmentCode,
        a.CollectiveDimension, a.EconomicModel, a.Team.Select(m => new TeamMemberDto(m.Name, m.Role, m.Email)).ToList(),
        a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.AttachmentName, a.AttachmentSize,
        a.Status == ApplicationStatus.Draft ? a.MissingAnswers() : new Dictionary<string, string[]>());

    /// <summary>For a blind review: the team's names and e-mails are hidden, their roles kept.</summary>
    internal static ApplicationDto Blind(Application a) => From(a) with
    {
        Team = a.Team.Select((m, i) => new TeamMemberDto(Texts.L($"Membre {i + 1}", $"Member {i + 1}"), m.Role, null)).ToList(),
    };
}

public sealed record ApplicationSummaryDto(Guid Id, Guid SeasonId, string? ProjectName, string Status, string? DepartmentCode, DateTimeOffset? SubmittedAt, double? Score, int ReviewCount);

internal sealed record CreateDraft(Guid SeasonId, ApplicationInput Input) : IRequest<ApplicationDto>;

internal sealed record UpdateDraft(Guid ApplicationId, ApplicationInput Input) : IRequest<ApplicationDto>;

internal sealed record SubmitApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed record WithdrawApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed record GetApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed record ListMyApplications : IRequest<IReadOnlyList<ApplicationSummaryDto>>;

/// <summary>The project's PDF: at most 10 MB, checked by its content, stored under a name the server chooses.</summary>
internal sealed record AttachPdf(Guid ApplicationId, string FileName, long Length, Stream Content) : IRequest<ApplicationDto>;

internal sealed record DetachPdf(Guid ApplicationId) : IRequest<ApplicationDto>;

/// <summary>The PDF for its owner, program leads, and reviewers who declared no conflict.</summary>
internal sealed record OpenPdf(Guid ApplicationId) : IRequest<(Stream Content, string FileName)>;

internal sealed record DecideApplication(Guid ApplicationId, string? Decision, string? Reason) : IRequest<ApplicationDto>;

internal sealed class ApplicationHandlers(ApplicationsDbContext db, ISeasonDirectory seasons, ICurrentUser user, TimeProvider time, ReviewAccess access, IFileStore files) :
    IRequestHandler<AttachPdf, ApplicationDto>,
    IRequestHandler<DetachPdf, ApplicationDto>,
    IRequestHandler<OpenPdf, (Stream Content, string FileName)>,
    IRequestHandler<CreateDraft, ApplicationDto>,
    IRequestHandler<UpdateDraft, ApplicationDto>,
    IRequestHandler<SubmitApplication, ApplicationDto>,
    IRequestHandler<WithdrawApplication, ApplicationDto>,
    IRequestHandler<GetApplication, ApplicationDto>,
    IRequestHandler<ListMyApplications, IReadOnlyList<ApplicationSummaryDto>>,
    IRequestHandler<DecideApplication, ApplicationDto>
{
    public const long MaxPdfBytes = 10 * 1024 * 1024;
    internal const string AttachmentArea = "applications";

    private bool IsLead => user.IsInRole(Roles.ProgramLead);

    public async Task<ApplicationDto> Handle(CreateDraft request, CancellationToken cancellationToken)
    {
        var season = await seasons.FindAsync(request.SeasonId, cancellationToken);
        if (season is null || season.Status != "ApplicationsOpen")
        {
            throw new NotFoundException(L("Aucun appel ouvert pour cette saison.", "No open call for this season."));
        }

        var application = Application.Draft(request.SeasonId, user.RequiredId(), request.Input.ToAnswers(), time.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(UpdateDraft request, CancellationToken cancellationToken)
    {
        var application = await MineAsync(request.ApplicationId, cancellationToken);
        application.Answer(request.Input.ToAnswers(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(SubmitApplication request, CancellationToken cancellationToken)
    {
        var application = await MineAsync(request.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        var season = await seasons.FindAsync(application.SeasonId, cancellationToken);
        application.Submit(now, season?.AcceptsApplicationsAt(now) == true);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(WithdrawApplication request, CancellationToken cancellationToken)
    {
        var application = await MineAsync(request.ApplicationId, cancellationToken);
        application.Withdraw(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(GetApplication request, CancellationToken cancellationToken)
    {
        var (application, blind) = await ReadableAsync(request.ApplicationId, cancellationToken);
        return blind ? ApplicationDto.Blind(application) : ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(AttachPdf request, CancellationToken cancellationToken)
    {
        if (request.Length > MaxPdfBytes)
        {
            throw new PayloadTooLargeException(L("Le PDF dépasse 10 Mo.", "The PDF is larger than 10 MB."));
        }

        var application = await MineAsync(request.ApplicationId, cancellationToken);
        var header = new byte[5];
        var read = await request.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < header.Length || !header.AsSpan().SequenceEqual("%PDF-"u8))
        {
            throw new DomainException(L("Ce fichier n'est pas un PDF.", "This file is not a PDF."), "file");
        }

        request.Content.Position = 0;
        var stored = await files.SaveAsync(AttachmentArea, request.Content, cancellationToken);
        var previous = application.Attach(request.FileName, stored, request.Length, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            files.Delete(AttachmentArea, previous);
        }

        return ApplicationDto.From(application);
    }

    public async Task<ApplicationDto> Handle(DetachPdf request, CancellationToken cancellationToken)
    {
        var application = await MineAsync(request.ApplicationId, cancellationToken);
        var previous = application.Detach(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            files.Delete(AttachmentArea, previous);
        }

        return ApplicationDto.From(application);
    }

    public async Task<(Stream Content, string FileName)> Handle(OpenPdf request, CancellationToken cancellationToken)
    {
        var (application, _) = await ReadableAsync(request.ApplicationId, cancellationToken);
        var content = application.AttachmentStoredName is { } stored ? files.OpenRead(AttachmentArea, stored) : null;
        return content is null
            ? throw new NotFoundException(L("Aucun PDF joint.", "No PDF attached."))
            : (content, application.AttachmentName ?? "document.pdf");
    }

    /// <summary>
    /// Its owner reads an application; program leads read submitted ones; a reviewer of the season
    /// reads one only after declaring no conflict of interest (and without names in a blind review).
    /// </summary>
    private async Task<(Application Application, bool Blind)> ReadableAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NotFound();
        if (application.ApplicantUserId == user.Id || (IsLead && application.Status != ApplicationStatus.Draft))
        {
            return (application, false);
        }

        var (_, rubric) = await access.ReviewableAsync(application.Id, cancellationToken);
        var me = user.RequiredId();
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == me, cancellationToken);
        return review?.State switch
        {
            null => throw new ConflictException(L(
                "Déclarez d'abord si vous avez un conflit d'intérêts avec ce projet.",
                "First declare whether you have a conflict of interest with this project.")),
            ReviewState.Recused => throw new ConflictException(L(
                "Vous vous êtes récusé·e pour cette candidature.",
                "You recused yourself from this application.")),
            _ => (application, rubric.BlindReview),
        };
    }

    public async Task<IReadOnlyList<ApplicationSummaryDto>> Handle(ListMyApplications request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var mine = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == me)
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return mine.Select(a => new ApplicationSummaryDto(a.Id, a.SeasonId, a.ProjectName, a.Status.ToString(), a.DepartmentCode, a.SubmittedAt, null, 0)).ToList();
    }

    public async Task<ApplicationDto> Handle(DecideApplication request, CancellationToken cancellationToken)
    {
        var decision = request.Decision?.ToLowerInvariant() switch
        {
            "shortlist" => ApplicationDecision.Shortlisted,
            "select" => ApplicationDecision.Selected,
            "waitlist" => ApplicationDecision.Waitlisted,
            "reject" => ApplicationDecision.Rejected,
            _ => throw new DomainException(L(
                "Décision attendue : shortlist, select, waitlist ou reject.",
                "Expected decision: shortlist, select, waitlist or reject."), "decision"),
        };
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == request.ApplicationId && a.Status != ApplicationStatus.Draft, cancellationToken)
            ?? throw NotFound();
        var season = await seasons.FindAsync(application.SeasonId, cancellationToken);
        if (season?.Status is not ("Selection" or "Running"))
        {
            throw new ConflictException(L(
                "Les décisions se prennent une fois l'appel clos.",
                "Decisions are taken once the call is closed."));
        }

        application.Decide(decision, request.Reason, time.GetUtcNow());
        db.Audit(user, time, "application.decided", application.Id, application.ProjectName ?? application.Id.ToString(), decision.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }

    /// <summary>The caller's own application; anybody else's is "not found", so nothing leaks.</summary>
    private async Task<Application> MineAsync(Guid id, CancellationToken cancellationToken) =>
        await Mine.For(db)(db, id, user.RequiredId(), cancellationToken) ?? throw NotFound();

    /// <summary>
    /// Every change an applicant makes starts here: compiled once, it skips EF Core's per-call parameter extraction
    /// and query-cache lookup (issue 9: a rush of submissions reads it once per submission).
    /// </summary>
    private static readonly CompiledQuery<ApplicationsDbContext, Func<ApplicationsDbContext, Guid, Guid, CancellationToken, Task<Application?>>> Mine = new(() => EF.CompileAsyncQuery(
        (ApplicationsDbContext db, Guid id, Guid me, CancellationToken _) => db.Applications.FirstOrDefault(a => a.Id == id && a.ApplicantUserId == me)));

    private static NotFoundException NotFound() => new(L("Candidature introuvable.", "Application not found."));
}
