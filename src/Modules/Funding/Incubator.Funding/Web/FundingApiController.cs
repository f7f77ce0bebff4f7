using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Funding.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Funding.Web;

/// <summary>Funders, agreements, tranches, the season's budget and its funder report (API.md, Funding). Program leads only.</summary>
[ApiController]
[Route("api")]
[Authorize(Policies.ProgramLead)]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class FundingApiController(IMediator mediator) : ControllerBase
{
    [HttpGet("funders")]
    public Task<IReadOnlyList<FunderDto>> Funders(CancellationToken ct) => mediator.Send(new ListFunders(), ct);

    [HttpPost("funders")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<FunderDto>> AddFunder(FunderInput body, CancellationToken ct)
    {
        var funder = await mediator.Send(new AddFunder(body), ct);
        return Created("/api/funders", funder);
    }

    /// <summary>The tranches must add up to the amount; <c>reportDueOn</c> (and <c>reports</c>) are the reporting deadlines.</summary>
    [HttpPost("funding-agreements")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<AgreementDto>> Sign(AgreementInput body, CancellationToken ct)
    {
        var agreement = await mediator.Send(new SignAgreement(body), ct);
        return Created($"/api/funding-agreements/{agreement.Id}", agreement);
    }

    [HttpGet("funding-agreements/{id:guid}")]
    public Task<AgreementDto> Agreement(Guid id, CancellationToken ct) => mediator.Send(new GetAgreement(id), ct);

    [HttpPost("funding-agreements/{id:guid}/tranches/{index:int}/received")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<AgreementDto> Received(Guid id, int index, ReceivedInput body, CancellationToken ct) => mediator.Send(new ReceiveTranche(id, index, body), ct);

    [HttpPost("funding-agreements/{id:guid}/tranches/{index:int}/requested")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<AgreementDto> Requested(Guid id, int index, RequestedInput body, CancellationToken ct) => mediator.Send(new RequestTranche(id, index, body), ct);

    [HttpPost("funding-agreements/{id:guid}/reports/{index:int}/submitted")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<AgreementDto> ReportSubmitted(Guid id, int index, SubmittedInput body, CancellationToken ct) => mediator.Send(new SubmitReport(id, index, body), ct);

    [HttpGet("seasons/{seasonId:guid}/budget")]
    public Task<BudgetDto> Budget(Guid seasonId, CancellationToken ct) => mediator.Send(new GetBudget(seasonId), ct);

    [HttpGet("seasons/{seasonId:guid}/funder-report")]
    public Task<FunderReportDto> Report(Guid seasonId, CancellationToken ct) => mediator.Send(new GetFunderReport(seasonId), ct);

    /// <summary>The program's track record: each cohort's outcomes side by side (questionnaires answered, activities, jobs, survival).</summary>
    [HttpGet("programs/{programId:guid}/track-record")]
    public Task<TrackRecordDto> TrackRecord(Guid programId, CancellationToken ct) => mediator.Send(new GetTrackRecord(programId), ct);

    [HttpGet("seasons/{seasonId:guid}/funder-report.csv")]
    [Produces("text/csv")]
    public async Task<IActionResult> ReportCsv(Guid seasonId, CancellationToken ct) =>
        File(ReportExports.Csv(await mediator.Send(new GetFunderReport(seasonId), ct)), ReportExports.CsvType, "bilan.csv");

    [HttpGet("seasons/{seasonId:guid}/funder-report.xlsx")]
    [Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task<IActionResult> ReportXlsx(Guid seasonId, CancellationToken ct) =>
        File(ReportExports.Xlsx(await mediator.Send(new GetFunderReport(seasonId), ct), Texts.IsEnglish), ReportExports.XlsxType, "bilan.xlsx");

    /// <summary>Freezes the report as it is now, dated and labelled (e.g. "Bilan intermédiaire Région"); the live figures go on.</summary>
    [HttpPost("seasons/{seasonId:guid}/funder-report/approve")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<SnapshotDto>> Approve(Guid seasonId, ApproveReportInput body, CancellationToken ct)
    {
        var snapshot = await mediator.Send(new ApproveFunderReport(seasonId, body), ct);
        return Created($"/api/funder-reports/{snapshot.Id}", snapshot);
    }

    [HttpGet("seasons/{seasonId:guid}/funder-reports")]
    public Task<IReadOnlyList<SnapshotSummaryDto>> Snapshots(Guid seasonId, CancellationToken ct) => mediator.Send(new ListSnapshots(seasonId), ct);

    [HttpGet("funder-reports/{id:guid}")]
    public Task<SnapshotDto> Snapshot(Guid id, CancellationToken ct) => mediator.Send(new GetSnapshot(id), ct);
}
