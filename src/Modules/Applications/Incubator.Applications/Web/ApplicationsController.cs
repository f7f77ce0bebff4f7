using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

/// <summary>The applicant's pages: apply to an open call, save a draft, submit, follow, withdraw.</summary>
[Area("Applications")]
[Route("applications")]
[Authorize(Policies.Applicant)]
public sealed class ApplicationsController(IMediator mediator, ISeasonDirectory seasons) : PageController(mediator)
{
    [HttpGet("mine")]
    public async Task<IActionResult> Mine()
    {
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Mes candidatures", "My applications"), null));
        return View(await Mediator.Send(new ListMyApplications(), HttpContext.RequestAborted));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(Guid seasonId)
    {
        var season = await OpenSeasonAsync(seasonId);
        ViewData["SeasonName"] = season.Name;
        Breadcrumbs((L("Appels et saisons", "Calls and seasons"), "/seasons"), (season.Name, $"/seasons/{seasonId}"), (L("Déposer une candidature", "Apply"), null));
        return View("Edit", new ApplicationForm { SeasonId = seasonId }.WithBlankRows());
    }

    [HttpPost("new")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Incubator.BuildingBlocks.Web.RateLimits.Submission)]
    public async Task<IActionResult> Create(ApplicationForm form, string? submit)
    {
        var (ok, created) = await TrySendAsync(new CreateDraft(form.SeasonId, form.ToInput()));
        if (!ok)
        {
            var season = await OpenSeasonAsync(form.SeasonId);
            ViewData["SeasonName"] = season.Name;
            return View("Edit", form.WithBlankRows());
        }

        return submit is null ? Saved(created!.Id) : await SubmitAsync(created!.Id, form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var application = await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted);
        if (application.Status == "Draft")
        {
            return Redirect($"/applications/{id}/edit");
        }

        Breadcrumbs((L("Mes candidatures", "My applications"), "/applications/mine"), (application.ProjectName ?? L("Candidature", "Application"), null));
        return View(application);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var application = await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted);
        return await EditView(application, ApplicationForm.From(application));
    }

    [HttpPost("{id:guid}/edit")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Incubator.BuildingBlocks.Web.RateLimits.Submission)]
    public async Task<IActionResult> Edit(Guid id, ApplicationForm form, string? submit)
    {
        var (ok, _) = await TrySendAsync(new UpdateDraft(id, form.ToInput()));
        if (!ok)
        {
            return await EditView(await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted), form);
        }

        return submit is null ? Saved(id) : await SubmitAsync(id, form);
    }

    [HttpPost("{id:guid}/attachment")]
    [RequestSizeLimit(AttachPdf.MaxBytes + (64 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachPdf.MaxBytes + (64 * 1024))]
    public async Task<IActionResult> Attach(Guid id, IFormFile? file)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", L("Choisissez un fichier PDF.", "Choose a PDF file."));
        }
        else
        {
            await using var content = file.OpenReadStream();
            var (ok, _) = await TrySendAsync(new AttachPdf(id, file.FileName, file.Length, content), f => f);
            if (ok)
            {
                Flash(L("Le PDF est joint à votre candidature.", "The PDF is attached to your application."));
                return Redirect($"/applications/{id}/edit");
            }
        }

        var application = await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted);
        return await EditView(application, ApplicationForm.From(application));
    }

    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id)
    {
        var (ok, _) = await TrySendAsync(new WithdrawApplication(id));
        if (!ok)
        {
            var application = await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted);
            return View("Details", application);
        }

        Flash(L("Votre candidature est retirée.", "Your application is withdrawn."));
        return Redirect("/applications/mine");
    }

    private IActionResult Saved(Guid id)
    {
        Flash(L("Brouillon enregistré. Vous pouvez revenir le compléter à tout moment avant la clôture.", "Draft saved. You can come back and complete it any time before the call closes."));
        return Redirect($"/applications/{id}/edit");
    }

    private async Task<IActionResult> SubmitAsync(Guid id, ApplicationForm form)
    {
        var (ok, _) = await TrySendAsync(new SubmitApplication(id));
        if (!ok)
        {
            return await EditView(await Mediator.Send(new GetApplication(id), HttpContext.RequestAborted), form);
        }

        Flash(L("Votre candidature est déposée. Un e-mail de confirmation vous est envoyé.", "Your application is submitted. A confirmation e-mail is on its way."));
        return Redirect($"/applications/{id}");
    }

    private async Task<IActionResult> EditView(ApplicationDto application, ApplicationForm form)
    {
        if (application.Status != "Draft")
        {
            return Redirect($"/applications/{application.Id}");
        }

        var season = await seasons.FindAsync(application.SeasonId, HttpContext.RequestAborted);
        ViewData["SeasonName"] = season?.Name;
        ViewData["CloseAt"] = season?.ApplicationsCloseAt;
        ViewData["Application"] = application;
        Breadcrumbs((L("Mes candidatures", "My applications"), "/applications/mine"), (application.ProjectName ?? L("Brouillon", "Draft"), null));
        form.SeasonId = application.SeasonId;
        return View("Edit", form.WithBlankRows());
    }

    private async Task<SeasonSummary> OpenSeasonAsync(Guid seasonId)
    {
        var season = await seasons.FindAsync(seasonId, HttpContext.RequestAborted);
        return season is { Status: "ApplicationsOpen" }
            ? season
            : throw new Incubator.BuildingBlocks.Application.NotFoundException(L("Aucun appel ouvert pour cette saison.", "No open call for this season."));
    }
}
