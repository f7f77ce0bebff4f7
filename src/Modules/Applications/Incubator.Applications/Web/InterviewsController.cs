using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

/// <summary>
/// Jury interviews, as pages: the season's slots and jury (leads, and the jury to find their interviews), the applicant's
/// answer, the jury member's declaration and notes. The requests check who may do what; anyone else gets 404.
/// </summary>
[Area("Applications")]
[Route("applications")]
[Authorize]
public sealed class InterviewsController(IMediator mediator, ISeasonDirectory seasons, IUserDirectory users) : PageController(mediator)
{
    private bool IsLead => User.IsInRole(Roles.ProgramLead);

    [HttpGet("interviews/seasons/{seasonId:guid}")]
    public Task<IActionResult> Season(Guid seasonId) => SeasonView(seasonId, new SlotForm());

    [HttpPost("interviews/seasons/{seasonId:guid}/slots")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> OpenSlot(Guid seasonId, [Bind(Prefix = "Slot")] SlotForm slot)
    {
        var (ok, _) = await TrySendAsync(new OpenInterviewSlot(seasonId, slot.ToInput()), SlotForm.Key);
        if (!ok)
        {
            return await SeasonView(seasonId, slot);
        }

        Flash(L("Le créneau est ouvert.", "The slot is open."));
        return Redirect($"/applications/interviews/seasons/{seasonId}");
    }

    [HttpPost("interviews/seasons/{seasonId:guid}/slots/{slotId:guid}/remove")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> RemoveSlot(Guid seasonId, Guid slotId)
    {
        var (ok, _) = await TrySendAsync(new RemoveInterviewSlot(slotId));
        if (!ok)
        {
            return await SeasonView(seasonId, new SlotForm());
        }

        Flash(L("Le créneau est retiré.", "The slot is removed."));
        return Redirect($"/applications/interviews/seasons/{seasonId}");
    }

    /// <summary>The jury: committee members ticked, and partners named one per line ("Name ; Organisation").</summary>
    [HttpPost("interviews/seasons/{seasonId:guid}/jury")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> SaveJury(Guid seasonId, List<Guid>? userIds, string? partners)
    {
        var committee = await users.FindManyAsync(userIds ?? [], HttpContext.RequestAborted);
        var members = (userIds ?? []).Where(committee.ContainsKey).Select(id => new JuryMemberInput(committee[id].DisplayName, null, id))
            .Concat((partners ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(';', 2, StringSplitOptions.TrimEntries))
                .Select(parts => new JuryMemberInput(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, null)))
            .ToList();
        var (ok, _) = await TrySendAsync(new SaveJury(seasonId, new JuryInput(members)), _ => "partners");
        if (!ok)
        {
            return await SeasonView(seasonId, new SlotForm());
        }

        Flash(L("Le jury est enregistré.", "The jury is saved."));
        return Redirect($"/applications/interviews/seasons/{seasonId}");
    }

    /// <summary>Invites to a slot, or (no slot) to choose one.</summary>
    [HttpPost("interviews/seasons/{seasonId:guid}/invite")]
    [Authorize(Policies.ProgramLead)]
    public async Task<IActionResult> Invite(Guid seasonId, Guid applicationId, Guid? slotId)
    {
        var (ok, _) = await TrySendAsync(new InviteToInterview(applicationId, new InterviewInvitationInput(slotId)), _ => "slotId");
        if (!ok)
        {
            return await SeasonView(seasonId, new SlotForm());
        }

        Flash(L("L'invitation est envoyée par e-mail.", "The invitation is sent by e-mail."));
        return Redirect($"/applications/interviews/seasons/{seasonId}");
    }

    [HttpGet("{id:guid}/interview")]
    public Task<IActionResult> Mine(Guid id) => InterviewView(id, "Mine");

    [HttpPost("{id:guid}/interview/confirm")]
    public Task<IActionResult> Confirm(Guid id) =>
        Answer(id, new ConfirmInterview(id), L("Votre entretien est confirmé.", "Your interview is confirmed."), "Mine", "interview");

    [HttpPost("{id:guid}/interview/choose")]
    public Task<IActionResult> Choose(Guid id, Guid? slotId) =>
        Answer(id, new ChooseInterviewSlot(id, new ChooseSlotInput(slotId)), L("Votre entretien est confirmé.", "Your interview is confirmed."), "Mine", "interview");

    [HttpPost("{id:guid}/interview/reschedule")]
    public Task<IActionResult> Reschedule(Guid id, string? message) =>
        Answer(id, new AskForAnotherSlot(id, new AnotherSlotInput(message)),
            L("Le créneau est libéré et l'équipe en est informée : choisissez-en un autre.", "The slot is given back and the team is told: choose another one."), "Mine", "interview");

    [HttpGet("{id:guid}/interview/notes")]
    public Task<IActionResult> Notes(Guid id) => InterviewView(id, "Notes");

    [HttpPost("{id:guid}/interview/declare")]
    public async Task<IActionResult> Declare(Guid id, bool? conflictOfInterest)
    {
        if (conflictOfInterest is null)
        {
            ModelState.AddModelError("conflictOfInterest", L("Répondez oui ou non.", "Answer yes or no."));
            return await InterviewView(id, "Notes");
        }

        return await Answer(id, new DeclareInterviewConflict(id, conflictOfInterest.Value), conflictOfInterest.Value
            ? L("Votre récusation est enregistrée.", "Your recusal is recorded.")
            : L("Merci. Vous pouvez lire le dossier et donner votre avis.", "Thank you. You can read the application and give your opinion."), "Notes", "interview/notes");
    }

    [HttpPost("{id:guid}/interview/notes")]
    public Task<IActionResult> WriteNotes(Guid id, string? notes, string? recommendation) =>
        Answer(id, new WriteInterviewNotes(id, new InterviewNoteInput(notes, recommendation)), L("Votre avis est enregistré.", "Your opinion is saved."), "Notes", "interview/notes");

    private async Task<IActionResult> Answer(Guid id, IRequest<InterviewDto> request, string done, string view, string back)
    {
        var (ok, _) = await TrySendAsync(request);
        if (!ok)
        {
            return await InterviewView(id, view);
        }

        Flash(done);
        return Redirect($"/applications/{id}/{back}");
    }

    private async Task<IActionResult> InterviewView(Guid id, string view)
    {
        var interview = await Mediator.Send(new GetInterview(id), HttpContext.RequestAborted);
        if (view == "Notes" && !IsLead && !interview.MayWriteNotes && interview.MyNote is null)
        {
            throw InterviewAccess.NotFound(); // the applicant's page is the other one
        }

        Breadcrumbs(view == "Mine"
            ? [(L("Mes candidatures", "My applications"), "/applications/mine"), (L("Entretien avec le jury", "Jury interview"), null)]
            : [(L("Entretiens", "Interviews"), $"/applications/interviews/seasons/{interview.SeasonId}"), (interview.ProjectName ?? L("Entretien", "Interview"), null)]);
        return View(view, new InterviewPage(interview, IsLead));
    }

    private async Task<IActionResult> SeasonView(Guid seasonId, SlotForm slot)
    {
        var season = await seasons.RequireAsync(seasonId, HttpContext.RequestAborted);
        var slots = await Mediator.Send(new ListInterviewSlots(seasonId), HttpContext.RequestAborted);
        var jury = await Mediator.Send(new GetJury(seasonId), HttpContext.RequestAborted);
        IReadOnlyList<BoardRowDto> shortlisted = [];
        IReadOnlyList<UserContact> committee = [];
        if (IsLead)
        {
            shortlisted = (await Mediator.Send(new ReviewBoard(seasonId, new BoardFilter("Shortlisted", null, null, "submittedAt", 1, 100)), HttpContext.RequestAborted)).Items;
            committee = (await users.InRoleAsync(Roles.Reviewer, HttpContext.RequestAborted))
                .Concat(await users.InRoleAsync(Roles.ProgramLead, HttpContext.RequestAborted))
                .DistinctBy(u => u.Id).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        }

        Breadcrumbs((season.Name, $"/seasons/{seasonId}"), (L("Entretiens avec le jury", "Jury interviews"), null));
        return View("Season", new InterviewsPage(season, slots, jury, IsLead, shortlisted, committee, slot));
    }
}
