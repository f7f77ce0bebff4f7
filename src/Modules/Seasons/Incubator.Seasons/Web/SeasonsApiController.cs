using Incubator.BuildingBlocks.Identity;
using Incubator.Seasons.Features.Cohort;
using Incubator.Seasons.Features.Programs;
using Incubator.Seasons.Features.Seasons;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Seasons.Web;

public sealed record ProgramInput(string? Name, string? Territory, IReadOnlyList<string>? PartnerStructures);

/// <summary>Programs, seasons and cohorts (API.md, Seasons).</summary>
[ApiController]
[Route("api")]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
public sealed class SeasonsApiController(IMediator mediator, ICurrentUser user) : ControllerBase
{
    private bool IsLead => user.IsInRole(Roles.ProgramLead) || user.IsInRole(Roles.Admin);

    [HttpPost("programs")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<ProgramDto>> CreateProgram(ProgramInput body, CancellationToken ct)
    {
        var program = await mediator.Send(new SaveProgram(null, body.Name, body.Territory, body.PartnerStructures), ct);
        return CreatedAtAction(nameof(GetProgram), new { id = program.Id }, program);
    }

    [HttpPut("programs/{id:guid}")]
    [Authorize(Policies.ProgramLead)]
    public Task<ProgramDto> UpdateProgram(Guid id, ProgramInput body, CancellationToken ct) =>
        mediator.Send(new SaveProgram(id, body.Name, body.Territory, body.PartnerStructures), ct);

    [HttpGet("programs")]
    [AllowAnonymous]
    public Task<IReadOnlyList<ProgramDto>> ListPrograms(CancellationToken ct) => mediator.Send(new ListPrograms(), ct);

    [HttpGet("programs/{id:guid}")]
    [AllowAnonymous]
    public Task<ProgramDto> GetProgram(Guid id, CancellationToken ct) => mediator.Send(new GetProgram(id), ct);

    [HttpPost("seasons")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<SeasonDto>> CreateSeason(SeasonInput body, CancellationToken ct)
    {
        var season = await mediator.Send(new SaveSeason(null, body), ct);
        return CreatedAtAction(nameof(GetSeason), new { id = season.Id }, season);
    }

    [HttpPut("seasons/{id:guid}")]
    [Authorize(Policies.ProgramLead)]
    public Task<SeasonDto> UpdateSeason(Guid id, SeasonInput body, CancellationToken ct) =>
        mediator.Send(new SaveSeason(id, body), ct);

    /// <summary>Open calls are public; drafts are shown to program leads only.</summary>
    [HttpGet("seasons")]
    [AllowAnonymous]
    public Task<IReadOnlyList<SeasonDto>> ListSeasons([FromQuery] Guid? programId, CancellationToken ct) =>
        mediator.Send(new ListSeasons(IsLead, programId), ct);

    [HttpGet("seasons/{id:guid}")]
    [AllowAnonymous]
    public Task<SeasonDto> GetSeason(Guid id, CancellationToken ct) => mediator.Send(new GetSeason(id, IsLead), ct);

    [HttpPost("seasons/{id:guid}/open-applications")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<SeasonDto> OpenApplications(Guid id, CancellationToken ct) => mediator.Send(new OpenApplications(id), ct);

    [HttpPost("seasons/{id:guid}/close-applications")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<SeasonDto> CloseApplications(Guid id, CancellationToken ct) => mediator.Send(new CloseApplications(id), ct);

    [HttpGet("seasons/{id:guid}/cohort")]
    [Authorize(Policies.ProgramLead)]
    public Task<CohortDto> GetCohort(Guid id, CancellationToken ct) => mediator.Send(new GetCohort(id), ct);

    [HttpGet("seasons/{id:guid}/cohort/candidates")]
    [Authorize(Policies.ProgramLead)]
    public Task<IReadOnlyList<CohortCandidateDto>> ListCohortCandidates(Guid id, CancellationToken ct) =>
        mediator.Send(new ListCohortCandidates(id), ct);

    [HttpPut("seasons/{id:guid}/cohort")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<CohortDto> ProposeCohort(Guid id, CohortProposal body, CancellationToken ct) =>
        mediator.Send(new ProposeCohort(id, body), ct);

    [HttpPost("seasons/{id:guid}/cohort/approve")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<CohortDto> ApproveCohort(Guid id, CancellationToken ct) => mediator.Send(new ApproveCohort(id), ct);
}
