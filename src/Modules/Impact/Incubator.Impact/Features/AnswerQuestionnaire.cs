using System.Globalization;
using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Impact.Domain;
using Incubator.Impact.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Features;

internal sealed record AnswerQuestionnaire(Guid Id, AnswerInput Input) : IRequest<QuestionnaireDto>;

internal sealed class AnswerQuestionnaireValidator : AbstractValidator<AnswerQuestionnaire>
{
    public AnswerQuestionnaireValidator()
    {
        RuleFor(r => r.Input.Answers).NotNull().OverridePropertyName("answers");
        When(r => r.Input.Answers is not null, () =>
        {
            RuleFor(r => r.Input.Answers!.Activity).IsInEnum().OverridePropertyName("activity");
            RuleFor(r => r.Input.Answers!.LaunchedOn).GreaterThan(new DateOnly(1950, 1, 1)).OverridePropertyName("launchedOn");
            RuleFor(r => r.Input.Answers!.LegalForm).IsInEnum().OverridePropertyName("legalForm");
            RuleFor(r => r.Input.Answers!.LegalFormOther).MaximumLength(Answers.LegalFormOtherMax).OverridePropertyName("legalFormOther");
            RuleFor(r => r.Input.Answers!.JobsFte).InclusiveBetween(0, 1000).PrecisionScale(6, 2, true).OverridePropertyName("jobsFte");
            RuleFor(r => r.Input.Answers!.PeopleEmployed).InclusiveBetween(0, 10_000).OverridePropertyName("peopleEmployed");
            RuleFor(r => r.Input.Answers!.PermanentContracts).InclusiveBetween(0, 10_000)
                .Must((r, permanent) => permanent is null || r.Input.Answers!.PeopleEmployed is not { } employed || permanent <= employed)
                .WithMessage(_ => L("Pas plus de CDI que de personnes employées.", "No more permanent contracts than people employed."))
                .OverridePropertyName("permanentContracts");
            RuleFor(r => r.Input.Answers!.Volunteers).InclusiveBetween(0, 100_000).OverridePropertyName("volunteers");
            RuleFor(r => r.Input.Answers!.TurnoverBand).IsInEnum().OverridePropertyName("turnoverBand");
            RuleFor(r => r.Input.Answers!.SalesShare).InclusiveBetween(0, 100).OverridePropertyName("salesShare");
            RuleFor(r => r.Input.Answers!.SubsidiesShare).InclusiveBetween(0, 100).OverridePropertyName("subsidiesShare");
            RuleFor(r => r.Input.Answers!.DonationsShare).InclusiveBetween(0, 100)
                .Must((r, _) => (r.Input.Answers!.SalesShare ?? 0) + (r.Input.Answers!.SubsidiesShare ?? 0) + (r.Input.Answers!.DonationsShare ?? 0) <= 100)
                .WithMessage(_ => L("Ventes, subventions et dons font 100 % au plus.", "Sales, subsidies and donations make 100% at most."))
                .OverridePropertyName("donationsShare");
            RuleFor(r => r.Input.Answers!.PeopleReached).InclusiveBetween(0, 10_000_000).OverridePropertyName("peopleReached");
            RuleFor(r => r.Input.Answers!.Communes).MaximumLength(Answers.CommunesMax).OverridePropertyName("communes");
            RuleFor(r => r.Input.Answers!.SkillEconomicModel).InclusiveBetween(1, 5).OverridePropertyName("skillEconomicModel");
            RuleFor(r => r.Input.Answers!.SkillLegal).InclusiveBetween(1, 5).OverridePropertyName("skillLegal");
            RuleFor(r => r.Input.Answers!.SkillManagement).InclusiveBetween(1, 5).OverridePropertyName("skillManagement");
            RuleFor(r => r.Input.Answers!.SkillFunding).InclusiveBetween(1, 5).OverridePropertyName("skillFunding");
            RuleFor(r => r.Input.Answers!.SkillCooperation).InclusiveBetween(1, 5).OverridePropertyName("skillCooperation");
        });
    }
}

/// <summary>
/// The holder, a team member, or a coach who says the project filled it in with them during a meeting, saves the
/// questionnaire's answers; again later, they replace the earlier ones (the report keeps the latest). Leads read only.
/// The program's own questions are checked against their type.
/// </summary>
internal sealed class AnswerQuestionnaireHandler(ImpactDbContext db, ImpactAccess access, ICurrentUser user, IUserDirectory users, TimeProvider time)
    : IRequestHandler<AnswerQuestionnaire, QuestionnaireDto>
{
    public async Task<QuestionnaireDto> Handle(AnswerQuestionnaire request, CancellationToken cancellationToken)
    {
        var (questionnaire, project, viewer) = await access.QuestionnaireAsync(request.Id, tracking: true, cancellationToken);
        if (viewer == ImpactViewer.Lead)
        {
            throw new ForbiddenException(L("Le questionnaire est rempli par le projet ou ses accompagnateurs.", "The questionnaire is filled in by the project or its coaches."));
        }

        if (viewer == ImpactViewer.Coach && !request.Input.FilledDuringMeeting)
        {
            throw new DomainException(L("Un accompagnateur remplit le questionnaire avec le projet, pendant un rendez-vous : cochez-le.",
                "A coach fills in the questionnaire with the project, during a meeting: tick it."), "filledDuringMeeting");
        }

        var answers = request.Input.Answers!;
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.ProgramId == questionnaire.ProgramId, cancellationToken);
        CheckCustom(answers.Custom, settings);
        var me = user.RequiredId();
        var name = (await users.FindAsync(me, cancellationToken))?.DisplayName ?? string.Empty;
        questionnaire.Answer(answers, me, name, viewer == ImpactViewer.Coach, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return QuestionnaireMapping.ToDto(questionnaire, project, viewer, settings);
    }

    private static void CheckCustom(IReadOnlyDictionary<Guid, string>? custom, ImpactSettings? settings)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (id, value) in custom ?? new Dictionary<Guid, string>())
        {
            var question = settings?.ActiveQuestions.FirstOrDefault(q => q.Id == id);
            var text = value?.Trim() ?? string.Empty;
            var error = question is null ? L("Cette question n'est pas posée par le programme.", "The program does not ask this question.")
                : text.Length > Answers.CustomAnswerMax ? L($"{Answers.CustomAnswerMax} caractères au plus.", $"{Answers.CustomAnswerMax} characters at most.")
                : text.Length == 0 ? null
                : question.Type == QuestionType.Number && !decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                    ? L("Un nombre est attendu.", "A number is expected.")
                : question.Type == QuestionType.YesNo && text is not ("yes" or "no") ? L("« yes » ou « no » est attendu.", "“yes” or “no” is expected.")
                : null;
            if (error is not null)
            {
                errors[$"custom.{id}"] = [error];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
