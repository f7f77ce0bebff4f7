using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Applications.Web;

public sealed record DecisionInput(string? Decision, string? Reason);

public sealed record ConflictDeclarationInput(bool? ConflictOfInterest);

/// <summary>Applications (API.md, Applications): drafts, submission, withdrawal, decisions.</summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class ApplicationsApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("seasons/{seasonId:guid}/applications")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Incubator.BuildingBlocks.Web.RateLimits.Submission)]
    [Authorize(Policies.Applicant)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<ApplicationDto>> Create(Guid seasonId, ApplicationInput body, CancellationToken ct)
    {
        var application = await mediator.Send(new CreateDraft(seasonId, body), ct);
        return CreatedAtAction(nameof(Get), new { id = application.Id }, application);
    }

    [HttpPut("applications/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Update(Guid id, ApplicationInput body, CancellationToken ct) => mediator.Send(new UpdateDraft(id, body), ct);

    /// <summary>400 names each missing answer; 409 once the call is closed (to the second) or when already submitted.</summary>
    [HttpPost("applications/{id:guid}/submit")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Incubator.BuildingBlocks.Web.RateLimits.Submission)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Submit(Guid id, CancellationToken ct) => mediator.Send(new SubmitApplication(id), ct);

    [HttpPost("applications/{id:guid}/withdraw")]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Withdraw(Guid id, CancellationToken ct) => mediator.Send(new WithdrawApplication(id), ct);

    [HttpGet("applications/{id:guid}")]
    public Task<ApplicationDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetApplication(id), ct);

    /// <summary>The project's PDF (multipart field <c>file</c>): at most 10 MB, a real PDF, drafts only.</summary>
    [HttpPut("applications/{id:guid}/attachment")]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(AttachPdf.MaxBytes + (64 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachPdf.MaxBytes + (64 * 1024))]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge, Type = typeof(ProblemDetails))]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public async Task<ApplicationDto> Attach(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (Request.ContentLength > AttachPdf.MaxBytes + (64 * 1024))
        {
            throw new PayloadTooLargeException(Texts.L("Le PDF dépasse 10 Mo.", "The PDF is larger than 10 MB."));
        }

        if (file is null)
        {
            throw new DomainException(Texts.L("Choisissez un fichier PDF.", "Choose a PDF file."), "file");
        }

        await using var content = file.OpenReadStream();
        return await mediator.Send(new AttachPdf(id, file.FileName, file.Length, content), ct);
    }

    [HttpDelete("applications/{id:guid}/attachment")]
    public Task<ApplicationDto> Detach(Guid id, CancellationToken ct) => mediator.Send(new DetachPdf(id), ct);

    [HttpGet("applications/{id:guid}/attachment")]
    [ProducesResponseType(StatusCodes.Status200OK, Type = typeof(FileResult))]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var (content, name) = await mediator.Send(new OpenPdf(id), ct);
        return File(content, "application/pdf", name);
    }

    [HttpGet("applications/mine")]
    public Task<IReadOnlyList<ApplicationSummaryDto>> Mine(CancellationToken ct) => mediator.Send(new ListMyApplications(), ct);

    /// <summary>The review board: submitted applications, paged, filtered, by score (unscored last) or date.</summary>
    [HttpGet("seasons/{seasonId:guid}/applications")]
    [Authorize(Policies.Reviewer)]
    public Task<PagedResult<BoardRowDto>> Board(Guid seasonId, [FromQuery] BoardFilter filter, CancellationToken ct) =>
        mediator.Send(new ReviewBoard(seasonId, filter), ct);

    [HttpGet("seasons/{seasonId:guid}/applications.csv")]
    [Authorize(Policies.Reviewer)]
    [Produces("text/csv")]
    public async Task<IActionResult> BoardCsv(Guid seasonId, [FromQuery] BoardFilter filter, CancellationToken ct)
    {
        var csv = await mediator.Send(new ReviewBoardCsv(seasonId, filter), ct);
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"candidatures-{seasonId:N}.csv");
    }

    [HttpGet("seasons/{seasonId:guid}/rubric")]
    [Authorize(Policies.Reviewer)]
    public Task<RubricDto> Rubric(Guid seasonId, CancellationToken ct) => mediator.Send(new GetRubric(seasonId), ct);

    [HttpPut("seasons/{seasonId:guid}/rubric")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<RubricDto> SaveRubric(Guid seasonId, RubricInput body, CancellationToken ct) => mediator.Send(new SaveRubric(seasonId, body), ct);

    /// <summary>Before reading an application, a reviewer declares whether they have a conflict of interest.</summary>
    [HttpPost("applications/{id:guid}/conflict-declaration")]
    [Authorize(Policies.Reviewer)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ReviewDto> DeclareConflict(Guid id, ConflictDeclarationInput body, CancellationToken ct) =>
        mediator.Send(new DeclareConflict(id, body.ConflictOfInterest ?? throw new DomainException(
            Texts.L("Répondez oui ou non.", "Answer yes or no."), "conflictOfInterest")), ct);

    /// <summary>Scores 1 to 5 per criterion with a comment, or a recusal (<c>conflictOfInterest: true</c>, no scores).</summary>
    [HttpPost("applications/{id:guid}/reviews")]
    [Authorize(Policies.Reviewer)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public async Task<ActionResult<ReviewDto>> Review(Guid id, ReviewInput body, CancellationToken ct)
    {
        var review = await mediator.Send(new SubmitReview(id, body), ct);
        return Created($"/api/applications/{id}/reviews/{review.Id}", review);
    }

    [HttpPost("applications/{id:guid}/decision")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ApplicationDto> Decide(Guid id, DecisionInput body, CancellationToken ct) =>
        mediator.Send(new DecideApplication(id, body.Decision, body.Reason), ct);
}
