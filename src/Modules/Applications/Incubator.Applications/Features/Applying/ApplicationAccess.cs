using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>Who may change an application (its applicant) and who may read it, for the use cases in this folder.</summary>
internal sealed class ApplicationAccess(ApplicationsDbContext db, ICurrentUser user, ReviewAccess reviews)
{
    /// <summary>
    /// Every change an applicant makes starts here: compiled once, it skips EF Core's per-call parameter extraction
    /// and query-cache lookup (issue 9: a rush of submissions reads it once per submission).
    /// </summary>
    private static readonly CompiledQuery<ApplicationsDbContext, Func<ApplicationsDbContext, Guid, Guid, CancellationToken, Task<Application?>>> Mine = new(() => EF.CompileAsyncQuery(
        (ApplicationsDbContext db, Guid id, Guid me, CancellationToken _) => db.Applications.FirstOrDefault(a => a.Id == id && a.ApplicantUserId == me)));

    /// <summary>The caller's own application, tracked; anybody else's is "not found", so nothing leaks.</summary>
    public async Task<Application> MineAsync(Guid id, CancellationToken cancellationToken) =>
        await Mine.For(db)(db, id, user.RequiredId(), cancellationToken) ?? throw NotFound();

    /// <summary>
    /// Its owner reads an application; program leads read submitted ones; a reviewer of the season
    /// reads one only after declaring no conflict of interest (and without names in a blind review).
    /// </summary>
    public async Task<(Application Application, bool Blind)> ReadableAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NotFound();
        if (application.ApplicantUserId == user.Id || (user.IsInRole(Roles.ProgramLead) && application.Status != ApplicationStatus.Draft))
        {
            return (application, false);
        }

        var (_, rubric) = await reviews.ReviewableAsync(application.Id, cancellationToken);
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

    public static NotFoundException NotFound() => new(L("Candidature introuvable.", "Application not found."));
}
