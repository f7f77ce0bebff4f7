using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

/// <summary>The selection committee's pages: what is left to review, the board, the review itself, the decisions.</summary>
[Area("Applications")]
[Route("applications/review")]
[Authorize(Policies.Reviewer)]
public sealed class ReviewController(IMediator mediator, ISeasonDirectory seasons, IUserDirectory users) : PageController(mediator)
{
    private bool IsLead => User.IsInRole(Roles.ProgramLead);

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var ids = await Mediator.Send(new ListMyCommittees(), HttpContext.RequestAborted);
        var list = new List<CommitteeSeason>();
        foreach (var id in ids)
        {
            if (await seasons.FindAsync(id, HttpContext.RequestAborted) is { } season)
            {
                list.Add(new CommitteeSeason(season.Id, season.Name, season.Status));
            }
        }

        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Comité de sélection", "Selection committee"), null));
        return View(list);
    }

    [HttpGet("seasons/{seasonId:guid}")]
    public async Task<IActionResult> Board(Guid seasonId, [FromQuery] BoardFilter filter)
    {
        var season = await seasons.RequireAsync(seasonId, HttpContext.RequestAborted);
        var (ok, board) = await TrySendAsync(new ReviewBoard(seasonId, filter));
        if (!ok)
        {
            board = await Mediator.Send(new ReviewBoard(seasonId, new BoardFilter(null, null, null, null, 1, null)), HttpContext.RequestAborted);
        }

        Breadcrumbs((L("Comité de sélection", "Selection committee"), "/applications/review"), (season.Name, null));
        return View(new BoardPage(season, filter, board!, IsLead));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Review(Guid id) => await ReviewView(id);

    [HttpPost("{id:guid}/declare")]
    public async Task<IActionResult> Declare(Guid id, bool? conflictOfInterest)
    {
        if (conflictOfInterest is null)
        {
            ModelState.AddModelError("conflictOfInterest", L("Répondez oui ou non.", "Answer yes or no."));
            return await ReviewView(id);
        }

        var (ok, _) = await TrySendAsync(new DeclareConflict(id, conflictOfInterest.Value));
        if (ok)
        {
            Flash(conflictOfInterest.Value
                ? L("Votre récusation est enregistrée : vous ne noterez pas ce projet.", "Your recusal is recorded: you will not score this project.")
                : L("Merci. Vous pouvez lire et noter la candidature.", "Thank you. You can read and score the application."));
            return Redirect($"/applications/review/{id}");
        }

        return await ReviewView(id);
    }

    [HttpPost("{id:guid}/score")]
    public async Task<IActionResult> Score(Guid id, Dictionary<string, int> scores, string? comment)
    {
        var (ok, _) = await TrySendAsync(new SubmitReview(id, new ReviewInput(scores, comment, false)), field => field);
        if (ok)
        {
            Flash(L("Votre évaluation est enregistrée.", "Your review is saved."));
            return Redirect($"/applications/review/{id}");
        }

        return await ReviewView(id);
    }

    [HttpPost("{id:guid}/decide")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Decide(Guid id, string? decision, string? reason)
    {
        var (ok, application) = await TrySendAsync(new DecideApplication(id, decision, reason));
        if (ok)
        {
            Flash(L($"Décision enregistrée : {Labels.Status(application!.Status)}. Le porteur de projet en est informé par e-mail.",
                $"Decision recorded: {Labels.Status(application!.Status)}. The applicant is told by e-mail."));
            return Redirect($"/applications/review/{id}");
        }

        return await ReviewView(id);
    }

    [HttpGet("seasons/{seasonId:guid}/rubric")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Rubric(Guid seasonId)
    {
        var rubric = await Mediator.Send(new GetRubric(seasonId), HttpContext.RequestAborted);
        var form = new RubricForm
        {
            Criteria = rubric.Criteria.Select(c => new CriterionRow { Key = c.Key, Label = c.Label, Weight = c.Weight }).ToList(),
            ReviewerUserIds = rubric.ReviewerUserIds.ToList(),
            BlindReview = rubric.BlindReview,
            Version = rubric.Version,
        };
        return await RubricView(seasonId, form, rubric.WeightsLocked);
    }

    [HttpPost("seasons/{seasonId:guid}/rubric")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Rubric(Guid seasonId, RubricForm form)
    {
        var input = new RubricInput(
            form.Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Key)).Select(c => new CriterionDto(c.Key, c.Label, c.Weight)).ToList(),
            form.ReviewerUserIds, form.BlindReview);
        var (ok, _) = await TrySendAsync(new SaveRubric(seasonId, input));
        if (ok)
        {
            Flash(L("La grille et le comité sont enregistrés.", "The rubric and the committee are saved."));
            return Redirect($"/applications/review/seasons/{seasonId}/rubric");
        }

        var locked = (await Mediator.Send(new GetRubric(seasonId), HttpContext.RequestAborted)).WeightsLocked;
        return await RubricView(seasonId, form, locked);
    }

    private async Task<IActionResult> RubricView(Guid seasonId, RubricForm form, bool locked)
    {
        var season = await seasons.RequireAsync(seasonId, HttpContext.RequestAborted);
        var reviewers = await users.InRoleAsync(Roles.Reviewer, HttpContext.RequestAborted);
        Breadcrumbs((season.Name, $"/seasons/{seasonId}"), (L("Grille et comité", "Rubric and committee"), null));
        return View("Rubric", new RubricPage(season, form, locked, reviewers));
    }

    private async Task<IActionResult> ReviewView(Guid id)
    {
        var data = await Mediator.Send(new GetReviewPage(id), HttpContext.RequestAborted);
        Breadcrumbs((L("Comité de sélection", "Selection committee"), "/applications/review"),
            (L("Tableau", "Board"), $"/applications/review/seasons/{data.SeasonId}"),
            (data.Application?.ProjectName ?? L("Candidature", "Application"), null));
        return View("Review", new ReviewPage(data, IsLead));
    }
}
