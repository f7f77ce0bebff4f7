using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

/// <summary>What several use cases look up or build the same way: the season, a session, the venue and trainer lists, the cohort's enrolment, a session's detail.</summary>
internal sealed class TrainingStore(TrainingsDbContext db, ISeasonDirectory seasons, TimeProvider time)
{
    public async Task<SeasonSummary> SeasonAsync(Guid seasonId, CancellationToken cancellationToken) =>
        await seasons.RequireAsync(seasonId, cancellationToken);

    public async Task<TrainingSession> SessionAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Sessions : db.Sessions.AsNoTracking();
        return await query.AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException(L("Session introuvable.", "Session not found."));
    }

    /// <summary>Every project of the season's approved cohort joins the new sessions.</summary>
    public async Task EnrolCohortAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return;
        }

        // The cohort's approval enrols its projects in the sessions it finds; this enrols the cohort it finds in new
        // sessions: both write the season's fence, so the one that read before the other committed runs again (ADR 0020).
        var seasonId = sessions[0].SeasonId;
        await db.FenceAsync(ConsistencyFence.Season, seasonId, cancellationToken);
        var members = await db.CohortMembers.AsNoTracking().Where(m => m.SeasonId == seasonId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var session in sessions)
        {
            foreach (var member in members)
            {
                session.Enrol(member.ProjectId, member.ProjectName, member.ApplicantUserId, now);
            }
        }
    }

    /// <summary>A venue from the list, or the one typed in (found again by name and town, else added to the list).</summary>
    public async Task<Venue?> VenueAsync(Guid? id, VenueInput? input, CancellationToken cancellationToken)
    {
        if (id is { } venueId)
        {
            return await db.Venues.FirstOrDefaultAsync(v => v.Id == venueId, cancellationToken)
                ?? throw new DomainException(L("Ce lieu n'existe pas.", "This venue does not exist."), "venueId");
        }

        if (input is null)
        {
            return null;
        }

        var known = (await db.Venues.ToListAsync(cancellationToken)).FirstOrDefault(v => v.IsNamed(input.Name!, input.Town!));
        if (known is not null)
        {
            return known;
        }

        var venue = new Venue(input.Name!, input.Address, input.Town!, input.AccessibilityNotes, time.GetUtcNow());
        db.Venues.Add(venue);
        return venue;
    }

    public async Task<Trainer?> TrainerAsync(Guid? id, TrainerInput? input, CancellationToken cancellationToken)
    {
        if (id is { } trainerId)
        {
            return await db.Trainers.FirstOrDefaultAsync(t => t.Id == trainerId, cancellationToken)
                ?? throw new DomainException(L("Cet intervenant n'existe pas.", "This trainer does not exist."), "trainerId");
        }

        if (input is null)
        {
            return null;
        }

        var name = input.Name!.Trim();
        var known = (await db.Trainers.ToListAsync(cancellationToken))
            .FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Organisation ?? string.Empty, input.Organisation?.Trim() ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        var trainer = new Trainer(name, input.Organisation, input.FromTerritory ?? true, time.GetUtcNow());
        db.Trainers.Add(trainer);
        return trainer;
    }

    public async Task<Dictionary<Guid, string?>> VenueNotesAsync(IEnumerable<TrainingSession> sessions, CancellationToken cancellationToken)
    {
        var ids = sessions.Where(s => s.VenueId is not null).Select(s => s.VenueId!.Value).Distinct().ToList();
        return await db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.AccessibilityNotes, cancellationToken);
    }

    public async Task<TrainingDto> DetailAsync(TrainingSession s, CancellationToken cancellationToken)
    {
        var notes = await VenueNotesAsync([s], cancellationToken);
        var names = s.Enrolments.ToDictionary(e => e.ProjectId, e => e.ProjectName);
        return new TrainingDto(s.Id, s.SeasonId, s.SeriesId, s.Title, s.Topic, s.StartsAt, s.EndsAt, s.DurationHours, s.VenueId, TrainingMapping.ToDto(s.Place),
            s.VenueId is { } v ? notes.GetValueOrDefault(v) : null, TrainingMapping.ToDto(s.Trainer), s.Mode.ToString(), s.RemoteUrl, s.Capacity,
            s.Enrolments.OrderBy(e => e.ProjectName, StringComparer.CurrentCulture).Select(e => new EnrolmentDto(e.ProjectId, e.ProjectName, e.ApplicantUserId)).ToList(),
            s.Attendance.OrderBy(a => names.GetValueOrDefault(a.ProjectId, string.Empty), StringComparer.CurrentCulture).ThenBy(a => a.ParticipantName, StringComparer.CurrentCulture)
                .Select(a => new AttendanceDto(a.ProjectId, names.GetValueOrDefault(a.ProjectId, string.Empty), a.ParticipantName, a.Status.ToString(), a.Hours)).ToList(),
            s.Held, s.AttendanceRate, s.Attendance.Sum(a => a.Hours), TrainingMapping.ByProject(s.Attendance, names), s.Version,
            TrainingMapping.Status(s), s.ChangeReason, s.ChangedAt, s.Sequence);
    }
}
