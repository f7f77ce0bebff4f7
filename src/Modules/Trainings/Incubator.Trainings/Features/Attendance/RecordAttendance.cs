using Incubator.BuildingBlocks.Application;
using Incubator.Trainings.Domain;
using Incubator.Trainings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Features;

internal sealed record RecordAttendance(Guid Id, IReadOnlyList<AttendanceInput>? Lines) : IRequest<TrainingDto>;

/// <summary>A training day's attendance sheet, recorded whole.</summary>
internal sealed class RecordAttendanceHandler(TrainingStore store, TrainingsDbContext db, TimeProvider time) : IRequestHandler<RecordAttendance, TrainingDto>
{
    public async Task<TrainingDto> Handle(RecordAttendance request, CancellationToken cancellationToken)
    {
        CheckLines(request.Lines);
        var session = await store.SessionAsync(request.Id, tracking: true, cancellationToken);
        var entries = request.Lines!.Select(l => new AttendanceEntry(l.ProjectId!.Value, l.ParticipantName!, Enum.Parse<AttendanceStatus>(l.Status!, ignoreCase: true), l.Hours)).ToList();
        session.RecordAttendance(entries, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await store.DetailAsync(session, cancellationToken);
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
}
