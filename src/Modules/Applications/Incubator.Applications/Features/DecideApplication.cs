using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>A program lead's decision on a submitted application, once the call is closed.</summary>
internal sealed record DecideApplication(Guid ApplicationId, string? Decision, string? Reason) : IRequest<ApplicationDto>;

internal sealed class DecideApplicationHandler(ApplicationsDbContext db, ISeasonDirectory seasons, ICurrentUser user, TimeProvider time) : IRequestHandler<DecideApplication, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(DecideApplication request, CancellationToken cancellationToken)
    {
        var decision = request.Decision?.ToLowerInvariant() switch
        {
            "shortlist" => ApplicationDecision.Shortlisted,
            "select" => ApplicationDecision.Selected,
            "waitlist" => ApplicationDecision.Waitlisted,
            "reject" => ApplicationDecision.Rejected,
            _ => throw new DomainException(L(
                "Décision attendue : shortlist, select, waitlist ou reject.",
                "Expected decision: shortlist, select, waitlist or reject."), "decision"),
        };
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == request.ApplicationId && a.Status != ApplicationStatus.Draft, cancellationToken)
            ?? throw ApplicationAccess.NotFound();
        var season = await seasons.FindAsync(application.SeasonId, cancellationToken);
        if (season?.Status is not ("Selection" or "Running"))
        {
            throw new ConflictException(L(
                "Les décisions se prennent une fois l'appel clos.",
                "Decisions are taken once the call is closed."));
        }

        application.Decide(decision, request.Reason, time.GetUtcNow());
        db.Audit(user, time, "application.decided", application.Id, application.ProjectName ?? application.Id.ToString(), decision.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }
}
