using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Impact.Features;

/// <summary>A program's follow-up schedule and questions; a program never set has the default schedule and no question.</summary>
internal sealed record GetImpactSettings(Guid ProgramId) : IRequest<ImpactSettingsDto>;

internal sealed class GetImpactSettingsHandler(ImpactDbContext db) : IRequestHandler<GetImpactSettings, ImpactSettingsDto>
{
    public async Task<ImpactSettingsDto> Handle(GetImpactSettings request, CancellationToken cancellationToken) =>
        ToDto(request.ProgramId, await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == request.ProgramId, cancellationToken));

    public static ImpactSettingsDto ToDto(Guid programId, ImpactSettings? settings) =>
        settings is null
            ? new ImpactSettingsDto(programId, ImpactSettings.DefaultFollowUpMonths, [], null)
            : new ImpactSettingsDto(programId, settings.Months, settings.ActiveQuestions.Select(QuestionnaireMapping.Question).ToList(), settings.Version);
}
