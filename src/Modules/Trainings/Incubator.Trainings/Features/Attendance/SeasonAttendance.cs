using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record SeasonAttendance(Guid SeasonId) : IRequest<IReadOnlyList<ProjectAttendanceDto>>;

/// <summary>Each project's attendance over the season's sheets.</summary>
internal sealed class SeasonAttendanceHandler(TrainingsDbContext db) : IRequestHandler<SeasonAttendance, IReadOnlyList<ProjectAttendanceDto>>
{
    public async Task<IReadOnlyList<ProjectAttendanceDto>> Handle(SeasonAttendance request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().AsSplitQuery().Where(s => s.SeasonId == request.SeasonId).ToListAsync(cancellationToken);
        var names = sessions.SelectMany(s => s.Enrolments).GroupBy(e => e.ProjectId).ToDictionary(g => g.Key, g => g.First().ProjectName);
        return TrainingMapping.ByProject(sessions.SelectMany(s => s.Attendance), names)
            .Concat(names.Where(n => sessions.All(s => s.Attendance.All(a => a.ProjectId != n.Key)))
                .Select(n => new ProjectAttendanceDto(n.Key, n.Value, 0, 0, 0, null)))
            .OrderBy(p => p.ProjectName, StringComparer.CurrentCulture)
            .ToList();
    }
}
