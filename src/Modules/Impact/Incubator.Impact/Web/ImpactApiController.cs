using Incubator.BuildingBlocks.Identity;
using Incubator.Impact.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Incubator.Impact.Web;

/// <summary>
/// Outcomes and impact (issue 26): each project's questionnaires (entry, exit, months after the end), answered by its
/// holder, its members or its coaches during a meeting; a lead reads the season's follow-up and sets the program's
/// schedule and own questions.
/// </summary>
[ApiController]
[Route("api")]
[Authorize]
[ProducesResponseType(StatusCodes.Status400BadRequest, Type = typeof(ValidationProblemDetails))]
[ProducesResponseType(StatusCodes.Status404NotFound, Type = typeof(ProblemDetails))]
public sealed class ImpactApiController(IMediator mediator) : ControllerBase
{
    /// <summary>The questionnaires of the projects the caller holds or joined, those waiting for an answer first.</summary>
    [HttpGet("questionnaires/mine")]
    public Task<IReadOnlyList<QuestionnaireSummaryDto>> Mine(CancellationToken ct) => mediator.Send(new MyQuestionnaires(), ct);

    /// <summary>A project's questionnaires so far, for its holder, members, coaches and the leads.</summary>
    [HttpGet("projects/{projectId:guid}/questionnaires")]
    public Task<ProjectFollowUpDto> OfProject(Guid projectId, CancellationToken ct) => mediator.Send(new ListProjectQuestionnaires(projectId), ct);

    [HttpGet("questionnaires/{id:guid}")]
    public Task<QuestionnaireDto> Get(Guid id, CancellationToken ct) => mediator.Send(new GetQuestionnaire(id), ct);

    /// <summary>
    /// Saves the answers (each optional, each checked); again later, they replace the earlier ones. A coach sends
    /// <c>filledDuringMeeting: true</c>. With <c>If-Match</c>, answers saved meanwhile by someone else answer 409.
    /// Leads read only (403).
    /// </summary>
    [HttpPut("questionnaires/{id:guid}/answers")]
    [ProducesResponseType(StatusCodes.Status403Forbidden, Type = typeof(ProblemDetails))]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<QuestionnaireDto> Answer(Guid id, AnswerInput body, CancellationToken ct) => mediator.Send(new AnswerQuestionnaire(id, body), ct);

    /// <summary>The season's follow-up, stage by stage, with who answered each questionnaire and when.</summary>
    [HttpGet("seasons/{seasonId:guid}/questionnaires")]
    [Authorize(Policies.ProgramLead)]
    public Task<SeasonFollowUpDto> OfSeason(Guid seasonId, CancellationToken ct) => mediator.Send(new SeasonQuestionnaires(seasonId), ct);

    [HttpGet("programs/{programId:guid}/impact-settings")]
    [Authorize(Policies.ProgramLead)]
    public Task<ImpactSettingsDto> Settings(Guid programId, CancellationToken ct) => mediator.Send(new GetImpactSettings(programId), ct);

    /// <summary>The follow-up months after the season's end (1 to 60, at most five) and the program's own questions.</summary>
    [HttpPut("programs/{programId:guid}/impact-settings")]
    [Authorize(Policies.ProgramLead)]
    [ProducesResponseType(StatusCodes.Status409Conflict, Type = typeof(ProblemDetails))]
    public Task<ImpactSettingsDto> SaveSettings(Guid programId, ImpactSettingsInput body, CancellationToken ct) =>
        mediator.Send(new SaveImpactSettings(programId, body), ct);
}
