using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Web;

public sealed record TeamPage(ProjectTeamDto Team, MemberInput Invite);

public sealed record JoinPage(string Token, InvitationDto Invitation, bool SignedIn);

/// <summary>A project's team, as pages: its holder invites and removes members; a member joins from the mail's link.</summary>
[Area("Applications")]
[Authorize]
public sealed class TeamController(IMediator mediator) : PageController(mediator)
{
    [HttpGet("applications/{id:guid}/team")]
    public Task<IActionResult> Team(Guid id) => TeamView(id, new MemberInput(null, null));

    [HttpPost("applications/{id:guid}/team/invite")]
    public async Task<IActionResult> Invite(Guid id, string? name, string? email)
    {
        var (ok, _) = await TrySendAsync(new InviteProjectMember(id, new MemberInput(name, email)));
        if (!ok)
        {
            return await TeamView(id, new MemberInput(name, email));
        }

        Flash(L($"L'invitation est envoyée à {email}.", $"The invitation is sent to {email}."));
        return Redirect($"/applications/{id}/team");
    }

    [HttpPost("applications/{id:guid}/team/{memberId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid memberId)
    {
        var (ok, _) = await TrySendAsync(new RemoveProjectMember(id, memberId));
        if (!ok)
        {
            return await TeamView(id, new MemberInput(null, null));
        }

        Flash(L("Cette personne ne fait plus partie de l'équipe sur Incubator.", "This person is no longer part of the team on Incubator."));
        return Redirect($"/applications/{id}/team");
    }

    /// <summary>The invitation's link: open to anyone (the link is the secret), joined once signed in.</summary>
    [HttpGet("projects/join/{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> Join(string token)
    {
        var invitation = await Mediator.Send(new PeekInvitation(token), HttpContext.RequestAborted);
        Breadcrumbs((L("Accueil", "Home"), "/"), (L("Rejoindre un projet", "Join a project"), null));
        return View("Join", new JoinPage(token, invitation, User.Identity?.IsAuthenticated == true));
    }

    [HttpPost("projects/join/{token}")]
    public async Task<IActionResult> Joined(string token)
    {
        var (ok, project) = await TrySendAsync(new JoinProject(token));
        if (!ok)
        {
            return await Join(token);
        }

        Flash(L($"Vous avez rejoint le projet « {project!.ProjectName} » : ses formations sont dans « Mes formations ».",
            $"You have joined the project \"{project!.ProjectName}\": its trainings are under \"My trainings\"."));
        return Redirect("/trainings/mine");
    }

    private async Task<IActionResult> TeamView(Guid id, MemberInput invite)
    {
        var team = await Mediator.Send(new GetProjectTeam(id), HttpContext.RequestAborted);
        Breadcrumbs((L("Mes candidatures", "My applications"), "/applications/mine"), (team.ProjectName ?? L("Projet", "Project"), $"/applications/{id}"),
            (L("Équipe", "Team"), null));
        return View("Team", new TeamPage(team, invite));
    }
}
