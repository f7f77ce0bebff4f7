using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Features;

internal sealed record SaveImpactSettings(Guid ProgramId, ImpactSettingsInput Input) : IRequest<ImpactSettingsDto>;

internal sealed class SaveImpactSettingsValidator : AbstractValidator<SaveImpactSettings>
{
    public SaveImpactSettingsValidator()
    {
        RuleFor(r => r.Input.FollowUpMonths).NotNull().OverridePropertyName("followUpMonths");
        RuleForEach(r => r.Input.Questions).ChildRules(q =>
        {
            q.RuleFor(x => x.Text).NotEmpty().MaximumLength(ProgramQuestion.TextMax).OverridePropertyName("text");
            q.RuleFor(x => x.Type).NotNull().IsInEnum().OverridePropertyName("type");
        }).OverridePropertyName("questions");
    }
}

/// <summary>
/// A lead sets a program's follow-up months and its own questions. The schedule applies to the questionnaires not yet
/// opened; a question removed is retired and its answers stay. The program must exist (asked of Seasons).
/// </summary>
internal sealed class SaveImpactSettingsHandler(ImpactDbContext db, ISeasonDirectory seasons) : IRequestHandler<SaveImpactSettings, ImpactSettingsDto>
{
    public async Task<ImpactSettingsDto> Handle(SaveImpactSettings request, CancellationToken cancellationToken)
    {
        if (await seasons.ProgramNameAsync(request.ProgramId, cancellationToken) is null)
        {
            throw new NotFoundException(L("Programme introuvable.", "Program not found."));
        }

        var settings = await db.Settings.FirstOrDefaultAsync(s => s.ProgramId == request.ProgramId, cancellationToken);
        if (settings is null)
        {
            settings = ImpactSettings.For(request.ProgramId);
            db.Settings.Add(settings);
        }

        settings.Configure(request.Input.FollowUpMonths!, (request.Input.Questions ?? []).Select(q => (q.Id, q.Text!, q.Type!.Value)).ToList());
        await db.SaveChangesAsync(cancellationToken);
        return GetImpactSettingsHandler.ToDto(request.ProgramId, settings);
    }
}
