using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Impact.Domain;
using Incubator.Impact.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Impact.Web;

public sealed record QuestionnairePage(QuestionnaireDto Questionnaire, AnswerForm Form);

public sealed record SettingsPage(ImpactSettingsDto Settings, string Months);

/// <summary>
/// The follow-up as pages: a project's people answer their questionnaires (a coach with them, during a meeting); a lead
/// reads a season's follow-up and sets a program's schedule and questions.
/// </summary>
[Area("Impact")]
[Route("impact")]
[Authorize]
public sealed class ImpactController(IMediator mediator) : PageController(mediator)
{
    [HttpGet("mine")]
    public async Task<IActionResult> Mine()
    {
        var mine = await Mediator.Send(new MyQuestionnaires(), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Mes questionnaires", "My questionnaires"), null));
        return View("Mine", mine);
    }

    [HttpGet("projects/{projectId:guid}")]
    public async Task<IActionResult> Project(Guid projectId)
    {
        var project = await Mediator.Send(new ListProjectQuestionnaires(projectId), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (project.ProjectName, null));
        return View("Project", project);
    }

    [HttpGet("questionnaires/{id:guid}")]
    public async Task<IActionResult> Questionnaire(Guid id)
    {
        var questionnaire = await Mediator.Send(new GetQuestionnaire(id), HttpContext.RequestAborted);
        return QuestionnaireView(questionnaire, AnswerForm.From(questionnaire.Answers));
    }

    [HttpPost("questionnaires/{id:guid}")]
    public async Task<IActionResult> Answer(Guid id, AnswerForm form)
    {
        form.ReadCustom(Request.Form);
        var input = form.ToInput(ModelState);
        var (ok, _) = await TrySendAsync(new AnswerQuestionnaire(id, input), f => f.StartsWith("custom.", StringComparison.Ordinal) ? f : FormMessages.FormKey(f));
        if (!ok)
        {
            return QuestionnaireView(await Mediator.Send(new GetQuestionnaire(id), HttpContext.RequestAborted), form);
        }

        Flash(L("Merci : vos réponses sont enregistrées. Vous pouvez les corriger à tout moment.", "Thank you: your answers are saved. You can correct them at any time."));
        return Redirect($"/impact/questionnaires/{id}");
    }

    [HttpGet("seasons/{seasonId:guid}")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Season(Guid seasonId)
    {
        var season = await Mediator.Send(new SeasonQuestionnaires(seasonId), HttpContext.RequestAborted);
        Breadcrumbs((L("Saisons", "Seasons"), "/seasons"), (L("Saison", "Season"), $"/seasons/{seasonId}"), (L("Suivi d'impact", "Impact follow-up"), null));
        return View("Season", season);
    }

    [HttpGet("programs/{programId:guid}/settings")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Settings(Guid programId)
    {
        var settings = await Mediator.Send(new GetImpactSettings(programId), HttpContext.RequestAborted);
        return SettingsView(settings, string.Join(", ", settings.FollowUpMonths));
    }

    /// <summary>The months as "6, 12, 24"; each question's text and type (an empty text removes it); one new question.</summary>
    [HttpPost("programs/{programId:guid}/settings")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> SaveSettings(Guid programId, string? followUpMonths, List<QuestionInput>? questions)
    {
        var parsed = (followUpMonths ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(m => int.TryParse(m, out var n) ? n : -1).ToList();
        if (parsed.Contains(-1))
        {
            ModelState.AddModelError("FollowUpMonths", L("Des nombres de mois séparés par des virgules, par exemple 6, 12, 24.", "Numbers of months separated by commas, e.g. 6, 12, 24."));
        }

        var kept = (questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        var (ok, _) = await TrySendAsync(new SaveImpactSettings(programId, new ImpactSettingsInput(parsed, kept)));
        if (!ok)
        {
            return SettingsView(await Mediator.Send(new GetImpactSettings(programId), HttpContext.RequestAborted), followUpMonths ?? string.Empty);
        }

        Flash(L("Le suivi du programme est enregistré : il vaut pour les questionnaires pas encore ouverts.", "The program's follow-up is saved: it applies to the questionnaires not yet opened."));
        return Redirect($"/impact/programs/{programId}/settings");
    }

    private ViewResult QuestionnaireView(QuestionnaireDto questionnaire, AnswerForm form)
    {
        var s = questionnaire.Summary;
        Breadcrumbs((L("Accueil", "Home"), "/"), (s.ProjectName, $"/impact/projects/{s.ProjectId}"), (ImpactLabels.Stage(s.Stage), null));
        return View("Questionnaire", new QuestionnairePage(questionnaire, form));
    }

    private ViewResult SettingsView(ImpactSettingsDto settings, string months)
    {
        Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (L("Programme", "Program"), $"/seasons/programs/{settings.ProgramId}"), (L("Questionnaires de suivi", "Follow-up questionnaires"), null));
        return View("Settings", new SettingsPage(settings, months));
    }
}
