using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Funding.Features;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Web;

/// <summary>The leads' funding pages: funders, a season's budget and agreements, its funder report and the reports sent.</summary>
[Area("Funding")]
[Route("funding")]
[Authorize(Policies.ProgramLead)]
public sealed class FundingController(IMediator mediator, ISeasonDirectory seasons, TimeProvider time) : PageController(mediator)
{
    [HttpGet("")]
    public Task<IActionResult> Funders() => FundersView(new FunderForm { Kind = "Region" });

    [HttpPost("funders")]
    public async Task<IActionResult> AddFunder(FunderForm form)
    {
        var (ok, _) = await TrySendAsync(new AddFunder(form.ToInput()), FunderForm.Key);
        if (!ok)
        {
            return await FundersView(form);
        }

        Flash(L("Le financeur est ajouté.", "The funder is added."));
        return Redirect("/funding");
    }

    [HttpGet("seasons/{seasonId:guid}")]
    public Task<IActionResult> Budget(Guid seasonId) =>
        BudgetView(seasonId, new AgreementForm { SignedOn = Incubator.BuildingBlocks.Application.ParisTime.Today(time) });

    [HttpPost("seasons/{seasonId:guid}/agreements")]
    public async Task<IActionResult> Sign(Guid seasonId, AgreementForm form)
    {
        var (ok, _) = await TrySendAsync(new SignAgreement(form.ToInput(seasonId)), AgreementForm.Key);
        if (!ok)
        {
            return await BudgetView(seasonId, form);
        }

        Flash(L("La convention est enregistrée.", "The agreement is recorded."));
        return Redirect($"/funding/seasons/{seasonId}");
    }

    [HttpPost("agreements/{id:guid}/tranches/{index:int}/{step:regex(^(received|requested)$)}")]
    public async Task<IActionResult> Tranche(Guid id, int index, string step, DateOnly? on)
    {
        IRequest<AgreementDto> request = step == "received" ? new ReceiveTranche(id, index, new ReceivedInput(on)) : new RequestTranche(id, index, new RequestedInput(on));
        return await AgreementStep(id, request, step == "received"
            ? L("Le versement est enregistré.", "The payment is recorded.")
            : L("La demande de versement est enregistrée.", "The payment request is recorded."));
    }

    [HttpPost("agreements/{id:guid}/reports/{index:int}/submitted")]
    public Task<IActionResult> ReportSubmitted(Guid id, int index, DateOnly? on) =>
        AgreementStep(id, new SubmitReport(id, index, new SubmittedInput(on)), L("Le bilan est marqué comme remis.", "The report is marked as submitted."));

    [HttpGet("programs/{programId:guid}/track-record")]
    public async Task<IActionResult> TrackRecord(Guid programId)
    {
        var record = await Mediator.Send(new GetTrackRecord(programId), HttpContext.RequestAborted);
        Breadcrumbs((L("Programmes", "Programs"), "/seasons/programs"), (record.ProgramName, $"/seasons/programs/{programId}"), (L("Bilan des promotions", "Track record"), null));
        return View("TrackRecord", record);
    }

    [HttpGet("seasons/{seasonId:guid}/report")]
    public async Task<IActionResult> Report(Guid seasonId) => await ReportView(seasonId, null);

    [HttpPost("seasons/{seasonId:guid}/report/approve")]
    public async Task<IActionResult> Approve(Guid seasonId, string? label, Guid? funderId)
    {
        var (ok, snapshot) = await TrySendAsync(new ApproveFunderReport(seasonId, new ApproveReportInput(label, funderId)), _ => "label");
        if (!ok)
        {
            return await ReportView(seasonId, null);
        }

        Flash(L("Le bilan est approuvé : sa version datée est gardée telle quelle.", "The report is approved: its dated version is kept as it is."));
        return Redirect($"/funding/reports/{snapshot!.Id}");
    }

    [HttpGet("reports/{id:guid}")]
    public async Task<IActionResult> Snapshot(Guid id)
    {
        var snapshot = await Mediator.Send(new GetSnapshot(id), HttpContext.RequestAborted);
        return await ReportView(snapshot.SeasonId, snapshot);
    }

    private async Task<IActionResult> AgreementStep(Guid id, IRequest<AgreementDto> request, string done)
    {
        var agreement = await Mediator.Send(new GetAgreement(id), HttpContext.RequestAborted);
        var (ok, _) = await TrySendAsync(request, _ => string.Empty);
        if (!ok)
        {
            return await BudgetView(agreement.SeasonId, new AgreementForm());
        }

        Flash(done);
        return Redirect($"/funding/seasons/{agreement.SeasonId}");
    }

    private async Task<IActionResult> FundersView(FunderForm form)
    {
        var funders = await Mediator.Send(new ListFunders(), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Financeurs", "Funders"), null));
        return View("Funders", new FundersPage(funders, form));
    }

    private async Task<IActionResult> BudgetView(Guid seasonId, AgreementForm form)
    {
        var season = await seasons.FindAsync(seasonId, HttpContext.RequestAborted);
        if (season is null)
        {
            return NotFound();
        }

        var budget = await Mediator.Send(new GetBudget(seasonId), HttpContext.RequestAborted);
        var funders = await Mediator.Send(new ListFunders(), HttpContext.RequestAborted);
        Breadcrumbs((L("Saisons", "Seasons"), "/seasons"), (season.Name, $"/seasons/{seasonId}"), (L("Financements", "Funding"), null));
        return View("Budget", new BudgetPage(seasonId, season.Name, budget, funders, form, Incubator.BuildingBlocks.Application.ParisTime.Today(time)));
    }

    private async Task<IActionResult> ReportView(Guid seasonId, SnapshotDto? snapshot)
    {
        var season = await seasons.FindAsync(seasonId, HttpContext.RequestAborted);
        if (season is null)
        {
            return NotFound();
        }

        var report = snapshot?.Report ?? await Mediator.Send(new GetFunderReport(seasonId), HttpContext.RequestAborted);
        var snapshots = await Mediator.Send(new ListSnapshots(seasonId), HttpContext.RequestAborted);
        var funders = await Mediator.Send(new ListFunders(), HttpContext.RequestAborted);
        Breadcrumbs((L("Saisons", "Seasons"), "/seasons"), (season.Name, $"/seasons/{seasonId}"), (L("Financements", "Funding"), $"/funding/seasons/{seasonId}"),
            (snapshot is null ? L("Bilan", "Report") : snapshot.Label, null));
        return View("Report", new ReportPage(seasonId, season.Name, report, snapshots, funders, snapshot));
    }
}
