using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record MyTrainings : IRequest<IReadOnlyList<MyTrainingDto>>;

/// <summary>"Mes formations": the sessions of the projects the person signed in holds or has joined as a team member.</summary>
internal sealed class MyTrainingsHandler(TrainingStore store, TrainingsDbContext db, ICurrentUser user, IProjectTeam team) : IRequestHandler<MyTrainings, IReadOnlyList<MyTrainingDto>>
{
    public async Task<IReadOnlyList<MyTrainingDto>> Handle(MyTrainings request, CancellationToken cancellationToken)
    {
        var me = user.RequiredId();
        var joined = await team.ProjectsJoinedByAsync(me, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery()
            .Where(s => s.Enrolments.Any(e => e.ApplicantUserId == me || joined.Contains(e.ProjectId)))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        var venues = await store.VenueNotesAsync(sessions, cancellationToken);
        return sessions.SelectMany(s => s.Enrolments.Where(e => e.ApplicantUserId == me || joined.Contains(e.ProjectId)).Select(e =>
        {
            var lines = s.Attendance.Where(a => a.ProjectId == e.ProjectId).ToList();
            // The project's best line: present before remote before excused before absent.
            var status = lines.Count == 0 ? null : lines.Min(a => a.Status).ToString();
            return new MyTrainingDto(s.Id, s.SeasonId, s.Title, s.Topic, s.StartsAt, s.EndsAt, s.Mode.ToString(), TrainingMapping.ToDto(s.Place),
                s.VenueId is { } v ? venues.GetValueOrDefault(v) : null, s.RemoteUrl, e.ProjectId, e.ProjectName, status,
                TrainingMapping.Status(s), s.ChangeReason);
        })).ToList();
    }
}
