using System.Globalization;
using System.Text;
using Incubator.BuildingBlocks.Application;
using Incubator.Meetings.Domain;
using Incubator.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Meetings.Features;

/// <summary>The people registered to a meeting, seated first then waiting then cancelled, each in the order they registered (program leads).</summary>
internal sealed record ListRegistrations(Guid MeetingId) : IRequest<IReadOnlyList<RegistrantDto>>;

/// <summary>The same list as a spreadsheet (semicolon-separated, UTF-8).</summary>
internal sealed record RegistrationsCsv(Guid MeetingId) : IRequest<string>;

internal sealed class ListRegistrationsHandler(MeetingsDbContext db) :
    IRequestHandler<ListRegistrations, IReadOnlyList<RegistrantDto>>,
    IRequestHandler<RegistrationsCsv, string>
{
    public async Task<IReadOnlyList<RegistrantDto>> Handle(ListRegistrations request, CancellationToken cancellationToken)
    {
        var meeting = await db.InformationMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MeetingId, cancellationToken)
            ?? throw new NotFoundException(L("Réunion introuvable.", "Meeting not found."));
        return meeting.Registrations
            .OrderBy(r => r.Status switch { RegistrationStatus.Registered => 0, RegistrationStatus.Waitlisted => 1, _ => 2 })
            .ThenBy(r => r.RegisteredAt)
            .Select(MeetingMapping.ToDto)
            .ToList();
    }

    public async Task<string> Handle(RegistrationsCsv request, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', L("nom", "name"), L("courriel", "e-mail"), L("commune", "town"), L("inscription", "status"), L("inscrit le", "registered at"),
            L("venu", "came")));
        foreach (var r in await Handle(new ListRegistrations(request.MeetingId), cancellationToken))
        {
            csv.AppendLine(string.Join(';', CsvCell.Of(r.Name), CsvCell.Of(r.Email), CsvCell.Of(r.Town), r.Status,
                ParisTime.ToLocal(r.RegisteredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.Attended ? L("oui", "yes") : L("non", "no")));
        }

        return csv.ToString();
    }
}
