using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>Who may see an interview: the applicant of the application, a program lead, and the season's jury members with an account.</summary>
internal sealed class InterviewAccess(ApplicationsDbContext db, ICurrentUser user, TimeProvider time)
{
    public bool IsLead => user.IsInRole(Roles.ProgramLead);

    public Task<bool> IsJuryAsync(Guid seasonId, CancellationToken cancellationToken) =>
        user.Id is { } me ? db.JuryMembers.AnyAsync(j => j.SeasonId == seasonId && j.UserId == me, cancellationToken) : Task.FromResult(false);

    public async Task EnsureLeadOrJuryAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        if (!IsLead && !await IsJuryAsync(seasonId, cancellationToken))
        {
            throw new NotFoundException(L("Saison introuvable.", "Season not found."));
        }
    }

    /// <summary>The caller's own application (tracked) and its interview, for the applicant's answers.</summary>
    public async Task<(Application Application, Interview Interview)> MineAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ApplicantUserId == me, cancellationToken);
        var interview = application is null ? null : await db.Interviews.FirstOrDefaultAsync(i => i.ApplicationId == applicationId, cancellationToken);
        return application is null || interview is null ? throw NotFound() : (application, interview);
    }

    /// <summary>What the jury's two steps (declaring, writing) share: the application must have an interview, and the caller sit on its season's jury.</summary>
    public async Task<(Application Application, Guid Me)> ForJuryAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null
            || !await db.Interviews.AnyAsync(i => i.ApplicationId == applicationId, cancellationToken)
            || !await IsJuryAsync(application.SeasonId, cancellationToken))
        {
            throw NotFound();
        }

        return (application, user.RequiredId());
    }

    /// <summary>A free slot of the season, in the future: one no interview holds.</summary>
    public async Task<InterviewSlot> FreeSlotAsync(Guid seasonId, Guid slotId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slot = await db.InterviewSlots.FirstOrDefaultAsync(s => s.Id == slotId && s.SeasonId == seasonId, cancellationToken)
            ?? throw new DomainException(L("Ce créneau n'existe pas.", "This slot does not exist."), "slotId");
        if (slot.StartsAt <= now)
        {
            throw new ConflictException(L("Ce créneau est passé.", "This slot is past."));
        }

        if (await db.Interviews.AnyAsync(i => i.SlotId == slotId, cancellationToken))
        {
            throw new ConflictException(L("Ce créneau vient d'être pris : choisissez-en un autre.", "This slot has just been taken: choose another one."));
        }

        return slot;
    }

    public Task<List<InterviewSlot>> FreeSlotsAsync(Guid seasonId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.InterviewSlots.AsNoTracking()
            .Where(s => s.SeasonId == seasonId && s.StartsAt > now && !db.Interviews.Any(i => i.SlotId == s.Id))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);

    public Task<InterviewSlot?> SlotAsync(Guid? slotId, CancellationToken cancellationToken) =>
        slotId is { } id ? db.InterviewSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : Task.FromResult<InterviewSlot?>(null);

    /// <summary>The interview as the caller may see it (see <see cref="InterviewDto"/>); "not found" to anyone else.</summary>
    public async Task<InterviewDto> ReadAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken) ?? throw NotFound();
        var interview = await db.Interviews.AsNoTracking().FirstOrDefaultAsync(i => i.ApplicationId == applicationId, cancellationToken) ?? throw NotFound();
        var me = user.RequiredId();
        var isOwner = application.ApplicantUserId == me;
        var isJury = await IsJuryAsync(application.SeasonId, cancellationToken);
        if (!isOwner && !IsLead && !isJury)
        {
            throw NotFound();
        }

        var now = time.GetUtcNow();
        var slot = await SlotAsync(interview.SlotId, cancellationToken);
        var free = IsLead || (isOwner && interview.Status == InterviewStatus.Choosing) ? await FreeSlotsAsync(application.SeasonId, now, cancellationToken) : [];
        var notes = IsLead || isJury
            ? await db.InterviewNotes.AsNoTracking().Where(n => n.ApplicationId == applicationId && (IsLead || n.JuryUserId == me)).ToListAsync(cancellationToken)
            : [];
        var names = notes.Count == 0 ? [] : await db.JuryMembers.AsNoTracking()
            .Where(j => j.SeasonId == application.SeasonId && j.UserId != null)
            .ToDictionaryAsync(j => j.UserId!.Value, j => j.Name, cancellationToken);
        var mine = notes.FirstOrDefault(n => n.JuryUserId == me);
        ApplicationDto? content = null;
        if (IsLead)
        {
            content = ApplicationDto.From(application);
        }
        else if (isJury && mine?.State is InterviewNoteState.Declared or InterviewNoteState.Written)
        {
            var blind = await db.Rubrics.AsNoTracking().Where(r => r.SeasonId == application.SeasonId).Select(r => r.BlindReview).FirstOrDefaultAsync(cancellationToken);
            content = blind ? ApplicationDto.Blind(application) : ApplicationDto.From(application);
        }

        InterviewNoteDto Note(InterviewNote n) => new(n.JuryUserId, names.GetValueOrDefault(n.JuryUserId, "—"), n.State.ToString(), n.Notes, n.Recommendation?.ToString(), n.WrittenAt);
        return new InterviewDto(interview.Id, application.Id, application.SeasonId, application.ProjectName, interview.Status.ToString(),
            isOwner || IsLead ? interview.Message : null,
            slot is null ? null : ToDto(slot, application.Id, application.ProjectName, interview.Status),
            free.Select(s => ToDto(s)).ToList(),
            mine is null ? null : Note(mine),
            IsLead ? notes.Select(Note).OrderBy(n => n.JuryName, StringComparer.CurrentCulture).ToList() : [],
            content,
            isJury && mine?.State != InterviewNoteState.Recused);
    }

    public static InterviewSlotDto ToDto(InterviewSlot s, Guid? applicationId = null, string? projectName = null, InterviewStatus? status = null) =>
        new(s.Id, s.SeasonId, s.StartsAt, s.EndsAt, s.Place, s.RemoteUrl, applicationId, projectName, status?.ToString());

    public static NotFoundException NotFound() => new(L("Entretien introuvable.", "Interview not found."));
}
