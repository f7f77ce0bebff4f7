using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Jobs;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Incubator.BuildingBlocks.Privacy;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Incubator.Applications.Features;

/// <summary>An application of an approved cohort is kept when its applicant leaves: its project is accompanied.</summary>
internal sealed class WhenCohortApproved(ApplicationsDbContext db, TimeProvider time) : InboxHandler<CohortApproved, ApplicationsDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(CohortApproved approved, CancellationToken cancellationToken)
    {
        var ids = approved.Projects.Select(p => p.ProjectId).ToList();
        foreach (var application in await Db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            application.JoinCohort();
        }
    }
}

/// <summary>Erases an application's content, its reviewers' comments, its jury's notes and the applicant's word about the interview, and deletes its PDF.</summary>
internal sealed class Anonymiser(ApplicationsDbContext db, IFileStore files, TimeProvider time)
{
    public async Task AnonymiseAsync(IReadOnlyList<Application> applications, CancellationToken cancellationToken)
    {
        var ids = applications.Select(a => a.Id).ToList();
        foreach (var review in await db.Reviews.Where(r => ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken))
        {
            review.ForgetComment();
        }

        foreach (var note in await db.InterviewNotes.Where(n => ids.Contains(n.ApplicationId)).ToListAsync(cancellationToken))
        {
            note.Forget();
        }

        foreach (var interview in await db.Interviews.Where(i => ids.Contains(i.ApplicationId) && i.Message != null).ToListAsync(cancellationToken))
        {
            interview.ForgetMessage();
        }

        var pdfs = applications.Select(a => a.Anonymise(time.GetUtcNow())).OfType<string>().ToList();
        await db.SaveChangesAsync(cancellationToken);
        // After the commit: a crash here leaves an orphan file under a random name, never a reference to a missing one.
        foreach (var pdf in pdfs)
        {
            files.Delete(AttachPdf.Area, pdf);
        }
    }
}

internal sealed record PersonalApplication(
    Guid Id, Guid SeasonId, string Status, string? ProjectName, string? Summary, string? SocialNeed, string? Commune, string? DepartmentCode,
    string? CollectiveDimension, string? EconomicModel, IReadOnlyList<TeamMember> Team, string? AttachmentName,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, string? DecisionReason, bool InCohort, PersonalInterview? Interview);

/// <summary>The applicant's side of a jury interview: its slot and their own word (the jury's notes are the jury's).</summary>
internal sealed record PersonalInterview(string Status, DateTimeOffset? StartsAt, string? Place, string? Message);

/// <summary>
/// The applicant's applications, whole, and the projects they joined as a team member; on erasure, applications outside
/// a cohort are anonymised, drafts deleted, memberships removed.
/// </summary>
internal sealed class ApplicationsPersonalData(ApplicationsDbContext db, Anonymiser anonymiser) :
    INotificationHandler<PersonalDataRequested>,
    INotificationHandler<AccountErasureRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken)
    {
        var mine = await db.Applications.AsNoTracking().Where(a => a.ApplicantUserId == request.UserId).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var ids = mine.Select(a => a.Id).ToList();
        var interviews = await (
                from i in db.Interviews.AsNoTracking().Where(i => ids.Contains(i.ApplicationId))
                join s in db.InterviewSlots.AsNoTracking() on i.SlotId equals (Guid?)s.Id into slots
                from s in slots.DefaultIfEmpty()
                select new { i.ApplicationId, Interview = new PersonalInterview(i.Status.ToString(), s == null ? null : s.StartsAt, s == null ? null : s.Place, i.Message) })
            .ToDictionaryAsync(x => x.ApplicationId, x => x.Interview, cancellationToken);
        request.Sections["applications"] = mine.Select(a => new PersonalApplication(
            a.Id, a.SeasonId, a.Status.ToString(), a.ProjectName, a.Summary, a.SocialNeed, a.Commune, a.DepartmentCode, a.CollectiveDimension,
            a.EconomicModel, a.Team, a.AttachmentName, a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.DecisionReason, a.InCohort,
            interviews.GetValueOrDefault(a.Id))).ToList();
        request.Sections["projectMemberships"] = await db.ProjectMembers.AsNoTracking().Where(m => m.UserId == request.UserId)
            .Join(db.Applications.AsNoTracking(), m => m.ApplicationId, a => a.Id, (m, a) => new { ProjectId = a.Id, a.ProjectName, m.Name, m.Email, m.InvitedAt, m.JoinedAt })
            .ToListAsync(cancellationToken);
    }

    public async Task Handle(AccountErasureRequested request, CancellationToken cancellationToken)
    {
        var mine = await db.Applications.Where(a => a.ApplicantUserId == request.UserId && !a.InCohort).ToListAsync(cancellationToken);
        var drafts = mine.Where(a => a.Status == ApplicationStatus.Draft).ToList();
        await anonymiser.AnonymiseAsync(mine.Where(a => a.AnonymisedAt is null).ToList(), cancellationToken);
        db.Applications.RemoveRange(drafts);

        // A member who leaves takes their name and address with them; the project stays with its holder and other members.
        db.ProjectMembers.RemoveRange(await db.ProjectMembers.Where(m => m.UserId == request.UserId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Rejected applications are anonymised once their decision is older than <c>Incubator:Retention:RejectedApplicationMonths</c>
/// (24 by default), every night; running it twice changes nothing more.
/// </summary>
internal sealed class RetentionJob(ApplicationsDbContext db, Anonymiser anonymiser, IConfiguration configuration, TimeProvider time) : IScheduledJob
{
    public const string JobId = "applications:retention";

    private const int Batch = 200;

    public string Id => JobId;

    public string Cron => "0 30 3 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var months = configuration.GetValue("Incubator:Retention:RejectedApplicationMonths", 24);
        var before = time.GetUtcNow().AddMonths(-months);
        while (true)
        {
            var due = await db.Applications
                .Where(a => a.Status == ApplicationStatus.Rejected && a.AnonymisedAt == null && a.DecidedAt != null && a.DecidedAt < before)
                .OrderBy(a => a.DecidedAt)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            await anonymiser.AnonymiseAsync(due, cancellationToken);
        }
    }
}
