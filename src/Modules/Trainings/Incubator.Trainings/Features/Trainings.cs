using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Contracts;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

public sealed record VenueDto(Guid Id, string Name, string? Address, string Town, string? AccessibilityNotes);

public sealed record TrainerDto(Guid Id, string Name, string? Organisation, bool FromTerritory);

public sealed record PlaceDto(string Name, string? Address, string Town);

public sealed record TrainerRefDto(string Name, string? Organisation);

public sealed record TrainingSummaryDto(Guid Id, Guid SeasonId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    PlaceDto? Venue, TrainerRefDto? Trainer, string Mode, int Capacity, int EnrolledProjects, bool Held, decimal? AttendanceRate);

public sealed record EnrolmentDto(Guid ProjectId, string ProjectName, Guid ApplicantUserId);

public sealed record AttendanceDto(Guid ProjectId, string ProjectName, string ParticipantName, string Status, decimal Hours);

/// <summary>Per project over the sheet of one session, or over the season's sheets.</summary>
public sealed record ProjectAttendanceDto(Guid ProjectId, string ProjectName, int Lines, int Attended, decimal Hours, decimal? Rate);

public sealed record TrainingDto(Guid Id, Guid SeasonId, Guid? SeriesId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    decimal DurationHours, Guid? VenueId, PlaceDto? Venue, string? VenueAccessibility, TrainerRefDto? Trainer, string Mode, string? RemoteUrl, int Capacity,
    IReadOnlyList<EnrolmentDto> Enrolments, IReadOnlyList<AttendanceDto> Attendance, bool Held, decimal? AttendanceRate, decimal HoursAttended,
    IReadOnlyList<ProjectAttendanceDto> ByProject, Guid Version);

public sealed record SeriesDto(IReadOnlyList<Guid> Ids);

/// <summary>A session in "Mes formations": where and when, and how the participant was recorded.</summary>
public sealed record MyTrainingDto(Guid Id, Guid SeasonId, string Title, string? Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode,
    PlaceDto? Venue, string? VenueAccessibility, string? RemoteUrl, Guid ProjectId, string ProjectName, string? MyStatus);

public sealed record FeedDto(string Token, DateTimeOffset CreatedAt);

public sealed record VenueInput(string? Name, string? Address, string? Town, string? AccessibilityNotes);

public sealed record TrainerInput(string? Name, string? Organisation, bool? FromTerritory);

public sealed record TrainingInput(string? Title, string? Topic, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, Guid? VenueId, VenueInput? Venue,
    Guid? TrainerId, TrainerInput? Trainer, int? Capacity, string? Mode, string? RemoteUrl);

/// <summary>One a month from <see cref="FirstStartsAt"/>, same weekday rank and hour; August is skipped unless <see cref="SkipMonths"/> says otherwise.</summary>
public sealed record SeriesInput(string? Title, string? Topic, DateTimeOffset? FirstStartsAt, decimal? DurationHours, int? Count, Guid? VenueId, VenueInput? Venue,
    Guid? TrainerId, TrainerInput? Trainer, int? Capacity, string? Mode, string? RemoteUrl, IReadOnlyList<int>? SkipMonths);

public sealed record AttendanceInput(Guid? ProjectId, string? ParticipantName, string? Status, decimal? Hours);

internal sealed record ListVenues : IRequest<IReadOnlyList<VenueDto>>;

internal sealed record AddVenue(VenueInput Input) : IRequest<VenueDto>;

internal sealed record ListTrainers : IRequest<IReadOnlyList<TrainerDto>>;

internal sealed record AddTrainer(TrainerInput Input) : IRequest<TrainerDto>;

internal sealed record PlanTraining(Guid SeasonId, TrainingInput Input) : IRequest<TrainingDto>;

internal sealed record PlanSeries(Guid SeasonId, SeriesInput Input) : IRequest<SeriesDto>;

internal sealed record ListTrainings(Guid SeasonId) : IRequest<IReadOnlyList<TrainingSummaryDto>>;

internal sealed record GetTraining(Guid Id) : IRequest<TrainingDto>;

internal sealed record RecordAttendance(Guid Id, IReadOnlyList<AttendanceInput>? Lines) : IRequest<TrainingDto>;

internal sealed record SeasonAttendance(Guid SeasonId) : IRequest<IReadOnlyList<ProjectAttendanceDto>>;

internal sealed record MyTrainings : IRequest<IReadOnlyList<MyTrainingDto>>;

internal sealed record SeasonCalendar(Guid SeasonId) : IRequest<string>;

internal sealed record PersonalCalendar(string Token) : IRequest<string?>;

internal sealed record MyFeed(bool Renew) : IRequest<FeedDto>;

/// <summary>The rules of a venue or a trainer typed in, alone or inside a session (field names prefixed accordingly).</summary>
internal static class ListRules
{
    public static void Venue<T>(AbstractValidator<T> validator, Func<T, VenueInput?> venue, string prefix)
    {
        validator.RuleFor(r => venue(r)!.Name).NotEmpty().MaximumLength(200).When(r => venue(r) is not null).OverridePropertyName(prefix + "name");
        validator.RuleFor(r => venue(r)!.Town).NotEmpty().MaximumLength(100).When(r => venue(r) is not null).OverridePropertyName(prefix + "town");
        validator.RuleFor(r => venue(r)!.Address).MaximumLength(300).When(r => venue(r) is not null).OverridePropertyName(prefix + "address");
        validator.RuleFor(r => venue(r)!.AccessibilityNotes).MaximumLength(2000).When(r => venue(r) is not null).OverridePropertyName(prefix + "accessibilityNotes");
    }

    public static void Trainer<T>(AbstractValidator<T> validator, Func<T, TrainerInput?> trainer, string prefix)
    {
        validator.RuleFor(r => trainer(r)!.Name).NotEmpty().MaximumLength(200).When(r => trainer(r) is not null).OverridePropertyName(prefix + "name");
        validator.RuleFor(r => trainer(r)!.Organisation).MaximumLength(200).When(r => trainer(r) is not null).OverridePropertyName(prefix + "organisation");
    }
}

internal sealed class AddVenueValidator : AbstractValidator<AddVenue>
{
    public AddVenueValidator() => ListRules.Venue(this, r => r.Input, string.Empty);
}

internal sealed class AddTrainerValidator : AbstractValidator<AddTrainer>
{
    public AddTrainerValidator() => ListRules.Trainer(this, r => r.Input, string.Empty);
}

/// <summary>The fields a session and a series share: what, how many, how, with whom, where.</summary>
internal static class SessionRules
{
    public static void Common<T>(AbstractValidator<T> validator, Func<T, string?> title, Func<T, string?> topic, Func<T, int?> capacity, Func<T, string?> mode,
        Func<T, VenueInput?> venue, Func<T, TrainerInput?> trainer)
    {
        validator.RuleFor(r => title(r)).NotEmpty().MaximumLength(TrainingSession.TitleMax).OverridePropertyName("title");
        validator.RuleFor(r => topic(r)).MaximumLength(2000).OverridePropertyName("topic");
        validator.RuleFor(r => capacity(r)).NotNull().InclusiveBetween(1, TrainingSession.MaxCapacity).OverridePropertyName("capacity");
        validator.RuleFor(r => mode(r)).NotEmpty().IsEnumName(typeof(TrainingMode), caseSensitive: false).OverridePropertyName("mode");
        ListRules.Venue(validator, venue, "venue.");
        ListRules.Trainer(validator, trainer, "trainer.");
    }
}

internal sealed class PlanTrainingValidator : AbstractValidator<PlanTraining>
{
    public PlanTrainingValidator()
    {
        SessionRules.Common(this, r => r.Input.Title, r => r.Input.Topic, r => r.Input.Capacity, r => r.Input.Mode, r => r.Input.Venue, r => r.Input.Trainer);
        RuleFor(r => r.Input.StartsAt).NotNull().OverridePropertyName("startsAt");
        RuleFor(r => r.Input.EndsAt).NotNull().OverridePropertyName("endsAt");
    }
}

internal sealed class PlanSeriesValidator : AbstractValidator<PlanSeries>
{
    public PlanSeriesValidator()
    {
        SessionRules.Common(this, r => r.Input.Title, r => r.Input.Topic, r => r.Input.Capacity, r => r.Input.Mode, r => r.Input.Venue, r => r.Input.Trainer);
        RuleFor(r => r.Input.FirstStartsAt).NotNull().OverridePropertyName("firstStartsAt");
        RuleFor(r => r.Input.DurationHours).NotNull().GreaterThan(0).LessThanOrEqualTo(TrainingSession.MaxHours).OverridePropertyName("durationHours");
        RuleFor(r => r.Input.Count).NotNull().InclusiveBetween(1, MonthlySeries.MaxCount).OverridePropertyName("count");
    }
}

/// <summary>
/// Leads and coaches read every session; an applicant reads the sessions of the seasons where a project of theirs
/// is in the cohort. Anyone else is told the season or session does not exist.
/// </summary>
internal sealed class TrainingAccess(TrainingsDbContext db, ICurrentUser user)
{
    public bool IsStaff => user.IsInRole(Roles.ProgramLead) || user.IsInRole(Roles.Coach);

    public async Task EnsureSeasonVisibleAsync(Guid seasonId, CancellationToken cancellationToken)
    {
        if (IsStaff)
        {
            return;
        }

        var me = user.RequiredId();
        if (!await db.CohortMembers.AnyAsync(m => m.SeasonId == seasonId && m.ApplicantUserId == me, cancellationToken))
        {
            throw new NotFoundException(L("Saison introuvable.", "Season not found."));
        }
    }
}

internal sealed class TrainingHandlers(TrainingsDbContext db, TrainingAccess access, ISeasonDirectory seasons, ICurrentUser user, TimeProvider time) :
    IRequestHandler<ListVenues, IReadOnlyList<VenueDto>>,
    IRequestHandler<AddVenue, VenueDto>,
    IRequestHandler<ListTrainers, IReadOnlyList<TrainerDto>>,
    IRequestHandler<AddTrainer, TrainerDto>,
    IRequestHandler<PlanTraining, TrainingDto>,
    IRequestHandler<PlanSeries, SeriesDto>,
    IRequestHandler<ListTrainings, IReadOnlyList<TrainingSummaryDto>>,
    IRequestHandler<GetTraining, TrainingDto>,
    IRequestHandler<RecordAttendance, TrainingDto>,
    IRequestHandler<SeasonAttendance, IReadOnlyList<ProjectAttendanceDto>>,
    IRequestHandler<MyTrainings, IReadOnlyList<MyTrainingDto>>,
    IRequestHandler<SeasonCalendar, string>,
    IRequestHandler<PersonalCalendar, string?>,
    IRequestHandler<MyFeed, FeedDto>
{
    public async Task<IReadOnlyList<VenueDto>> Handle(ListVenues request, CancellationToken cancellationToken) =>
        (await db.Venues.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(v => v.Town, StringComparer.CurrentCulture).ThenBy(v => v.Name, StringComparer.CurrentCulture)
            .Select(ToDto).ToList();

    public async Task<VenueDto> Handle(AddVenue request, CancellationToken cancellationToken)
    {
        var venue = await VenueAsync(null, request.Input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(venue!);
    }

    public async Task<IReadOnlyList<TrainerDto>> Handle(ListTrainers request, CancellationToken cancellationToken) =>
        (await db.Trainers.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .Select(t => new TrainerDto(t.Id, t.Name, t.Organisation, t.FromTerritory)).ToList();

    public async Task<TrainerDto> Handle(AddTrainer request, CancellationToken cancellationToken)
    {
        var trainer = await TrainerAsync(null, request.Input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new TrainerDto(trainer!.Id, trainer.Name, trainer.Organisation, trainer.FromTerritory);
    }

    public async Task<TrainingDto> Handle(PlanTraining request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var season = await SeasonAsync(request.SeasonId, cancellationToken);
        var venue = await VenueAsync(input.VenueId, input.Venue, cancellationToken);
        var trainer = await TrainerAsync(input.TrainerId, input.Trainer, cancellationToken);
        var now = time.GetUtcNow();
        var session = TrainingSession.Plan(request.SeasonId, null,
            new SessionPlan(input.Title!, input.Topic, input.StartsAt!.Value, input.EndsAt!.Value, venue?.Id, venue?.ToPlace(), trainer?.ToRef(),
                input.Capacity!.Value, Enum.Parse<TrainingMode>(input.Mode!, ignoreCase: true), input.RemoteUrl),
            season.StartsOn, season.EndsOn, now);
        await EnrolCohortAsync([session], cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(session, cancellationToken);
    }

    public async Task<SeriesDto> Handle(PlanSeries request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var season = await SeasonAsync(request.SeasonId, cancellationToken);
        var starts = MonthlySeries.Starts(input.FirstStartsAt!.Value, input.Count!.Value, input.SkipMonths ?? [8]);
        var venue = await VenueAsync(input.VenueId, input.Venue, cancellationToken);
        var trainer = await TrainerAsync(input.TrainerId, input.Trainer, cancellationToken);
        var now = time.GetUtcNow();
        var seriesId = Guid.NewGuid();
        var duration = TimeSpan.FromHours((double)input.DurationHours!.Value);
        var mode = Enum.Parse<TrainingMode>(input.Mode!, ignoreCase: true);
        var sessions = new List<TrainingSession>();
        foreach (var start in starts)
        {
            try
            {
                sessions.Add(TrainingSession.Plan(request.SeasonId, seriesId,
                    new SessionPlan(input.Title!, input.Topic, start, start + duration, venue?.Id, venue?.ToPlace(), trainer?.ToRef(), input.Capacity!.Value, mode, input.RemoteUrl),
                    season.StartsOn, season.EndsOn, now));
            }
            catch (DomainException ex) when (ex.Field == "startsAt")
            {
                // Name the series' own field: the n-th date is the one that overflows the season.
                throw new DomainException(ex.Message, sessions.Count == 0 ? "firstStartsAt" : "count");
            }
        }

        await EnrolCohortAsync(sessions, cancellationToken);
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
        return new SeriesDto(sessions.Select(s => s.Id).ToList());
    }

    public async Task<IReadOnlyList<TrainingSummaryDto>> Handle(ListTrainings request, CancellationToken cancellationToken)
    {
        await access.EnsureSeasonVisibleAsync(request.SeasonId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.SeasonId == request.SeasonId)
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        return sessions.Select(s => new TrainingSummaryDto(s.Id, s.SeasonId, s.Title, s.Topic, s.StartsAt, s.EndsAt, ToDto(s.Place), ToDto(s.Trainer),
            s.Mode.ToString(), s.Capacity, s.Enrolments.Count, s.Held, s.AttendanceRate)).ToList();
    }

    public async Task<TrainingDto> Handle(GetTraining request, CancellationToken cancellationToken) =>
        await DetailAsync(await SessionAsync(request.Id, tracking: false, cancellationToken), cancellationToken);

    public async Task<TrainingDto> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        CheckLines(request.Lines);
        var session = await SessionAsync(request.Id, tracking: true, cancellationToken);
        var entries = request.Lines!.Select(l => new AttendanceEntry(l.ProjectId!.Value, l.ParticipantName!, Enum.Parse<AttendanceStatus>(l.Status!, ignoreCase: true), l.Hours)).ToList();
        session.RecordAttendance(entries, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await DetailAsync(session, cancellationToken);
    }

    public async Task<IReadOnlyList<ProjectAttendanceDto>> Handle(SeasonAttendance request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery().Where(s => s.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        var names = sessions.SelectMany(s => s.Enrolments).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.First().ProjectName);
        return ByProject(sessions.SelectMany(s => s.Attendance), names)
            .Concat(names.Where(n => sessions.All(s => s.Attendance.All(a => a.ProjectId != n.Key)))
                .Select(n => new ProjectAttendanceDto(n.Key, n.Value, 0, 0, 0, null)))
            .OrderBy(p => p.ProjectName, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<IReadOnlyList<MyTrainingDto>> Handle(MyTrainings request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.Enrolments.Any(e => e.ApplicantUserId == me))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var venues = await VenueNotesAsync(sessions, cancellationToken);
        return sessions.SelectMany(s => s.Enrolments.Where(e => e.ApplicantUserId == me).Select(e =>
        {
            var lines = s.Attendance.Where(a => a.ProjectId == e.ProjectId).ToList();
            // The project's best line: present before remote before excused before absent.
            var status = lines.Count == 0 ? null : lines.Min(a => a.Status).ToString();
            return new MyTrainingDto(s.Id, s.SeasonId, s.Title, s.Topic, s.StartsAt, s.EndsAt, s.Mode.ToString(), ToDto(s.Place),
                s.VenueId is { } v ? venues.GetValueOrDefault(v) : null, s.RemoteUrl, e.ProjectId, e.ProjectName, status);
        })).ToList();
    }

    public async Task<string> Handle(SeasonCalendar request, CancellationToken cancellationToken)
    {
        await access.EnsureSeasonVisibleAsync(request.SeasonId, cancellationToken);
        var season = await SeasonAsync(request.SeasonId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.SeasonId == request.SeasonId).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return TrainingCalendar.Write($"Formations – {season.Name}", sessions, time.GetUtcNow());
    }

    public async Task<string?> Handle(PersonalCalendar request, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == request.Token, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        // A subscription shows the last three months and everything to come.
        var from = time.GetUtcNow().AddMonths(-3);
        var sessions = db.Sessions.AsNoTracking().Where(s => s.EndsAt >= from);
        if (!feed.AllSessions)
        {
            sessions = sessions.Where(s => s.Enrolments.Any(e => e.ApplicantUserId == feed.UserId));
        }

        return TrainingCalendar.Write("Mes formations – Incubator", await sessions.OrderBy(s => s.StartsAt).ToListAsync(cancellationToken), time.GetUtcNow());
    }

    public async Task<FeedDto> Handle(MyFeed request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == me, cancellationToken);
        var now = time.GetUtcNow();
        if (feed is null)
        {
            feed = new CalendarFeed(me, access.IsStaff, now);
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (request.Renew)
        {
            feed.Renew(access.IsStaff, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new FeedDto(feed.Token, feed.CreatedAt);
    }

    /// <summary>The body is a JSON array: errors are named by line, "[2].status".</summary>
    private static void CheckLines(IReadOnlyList<AttendanceInput>? lines)
    {
        var errors = new Dictionary<string, string[]>();
        if (lines is null)
        {
            errors["lines"] = [L("La feuille de présence est attendue (une liste, éventuellement vide).", "The attendance sheet is expected (a list, possibly empty).")];
        }

        for (var i = 0; lines is not null && i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors[$"[{i}]"] = [L("Ligne vide.", "Empty line.")];
                continue;
            }

            if (line.ProjectId is null)
            {
                errors[$"[{i}].projectId"] = [L("Le projet est obligatoire.", "The project is required.")];
            }

            if (string.IsNullOrWhiteSpace(line.ParticipantName) || line.ParticipantName.Length > 200)
            {
                errors[$"[{i}].participantName"] = [L("Le nom du participant est obligatoire (200 caractères au plus).", "The participant's name is required (at most 200 characters).")];
            }

            if (!Enum.TryParse<AttendanceStatus>(line.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(line.Status, out _))
            {
                errors[$"[{i}].status"] = [L("Présence attendue : Present, Remote, Excused ou Absent.", "Expected status: Present, Remote, Excused or Absent.")];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private async Task<SeasonSummary> SeasonAsync(Guid seasonId, CancellationToken cancellationToken) =>
        await seasons.FindAsync(seasonId, cancellationToken) ?? throw new NotFoundException(L("Saison introuvable.", "Season not found."));

    private async Task<TrainingSession> SessionAsync(Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Sessions : db.Sessions.AsNoTracking();
        return await query.AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException(L("Session introuvable.", "Session not found."));
    }

    /// <summary>Every project of the season's approved cohort joins the new sessions.</summary>
    private async Task EnrolCohortAsync(IReadOnlyList<TrainingSession> sessions, CancellationToken cancellationToken)
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
    private async Task<Venue?> VenueAsync(Guid? id, VenueInput? input, CancellationToken cancellationToken)
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

    private async Task<Trainer?> TrainerAsync(Guid? id, TrainerInput? input, CancellationToken cancellationToken)
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

    private async Task<Dictionary<Guid, string?>> VenueNotesAsync(IEnumerable<TrainingSession> sessions, CancellationToken cancellationToken)
    {
        var ids = sessions.Where(s => s.VenueId is not null).Select(s => s.VenueId!.Value).Distinct().ToList();
        return await db.Venues.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.AccessibilityNotes, cancellationToken);
    }

    private async Task<TrainingDto> DetailAsync(TrainingSession s, CancellationToken cancellationToken)
    {
        var notes = await VenueNotesAsync([s], cancellationToken);
        var names = s.Enrolments.ToDictionary(e => e.ProjectId, e => e.ProjectName);
        return new TrainingDto(s.Id, s.SeasonId, s.SeriesId, s.Title, s.Topic, s.StartsAt, s.EndsAt, s.DurationHours, s.VenueId, ToDto(s.Place),
            s.VenueId is { } v ? notes.GetValueOrDefault(v) : null, ToDto(s.Trainer), s.Mode.ToString(), s.RemoteUrl, s.Capacity,
            s.Enrolments.OrderBy(e => e.ProjectName, StringComparer.CurrentCulture).Select(e => new EnrolmentDto(e.ProjectId, e.ProjectName, e.ApplicantUserId)).ToList(),
            s.Attendance.OrderBy(a => names.GetValueOrDefault(a.ProjectId, string.Empty), StringComparer.CurrentCulture).ThenBy(a => a.ParticipantName, StringComparer.CurrentCulture)
                .Select(a => new AttendanceDto(a.ProjectId, names.GetValueOrDefault(a.ProjectId, string.Empty), a.ParticipantName, a.Status.ToString(), a.Hours)).ToList(),
            s.Held, s.AttendanceRate, s.Attendance.Sum(a => a.Hours), ByProject(s.Attendance, names), s.Version);
    }

    private static List<ProjectAttendanceDto> ByProject(IEnumerable<Attendance> lines, IReadOnlyDictionary<Guid, string> names) =>
        lines.GroupBy(a => a.ProjectId)
            .Select(g => new ProjectAttendanceDto(g.Key, names.GetValueOrDefault(g.Key, string.Empty), g.Count(), g.Count(a => a.Attended), g.Sum(a => a.Hours),
                Math.Round((decimal)g.Count(a => a.Attended) / g.Count(), 4)))
            .OrderBy(p => p.ProjectName, StringComparer.CurrentCulture)
            .ToList();

    private static VenueDto ToDto(Venue v) => new(v.Id, v.Name, v.Address, v.Town, v.AccessibilityNotes);

    private static PlaceDto? ToDto(Place? p) => p is null ? null : new PlaceDto(p.Name, p.Address, p.Town);

    private static TrainerRefDto? ToDto(TrainerRef? t) => t is null ? null : new TrainerRefDto(t.Name, t.Organisation);
}
