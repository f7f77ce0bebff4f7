using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record DeclareInterviewConflict(Guid ApplicationId, bool ConflictOfInterest) : IRequest<InterviewDto>;

/// <summary>
/// A jury member declares, before reading the application, whether they have a conflict of interest with the project; once
/// made, the declaration stands. A member who recused themselves as a reviewer of this application is recused here too.
/// </summary>
internal sealed class DeclareInterviewConflictHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<DeclareInterviewConflict, InterviewDto>
{
    public async Task<InterviewDto> Handle(DeclareInterviewConflict request, CancellationToken cancellationToken)
    {
        var (application, me) = await access.ForJuryAsync(request.ApplicationId, cancellationToken);
        if (await db.InterviewNotes.AnyAsync(n => n.ApplicationId == application.Id && n.JuryUserId == me, cancellationToken))
        {
            throw new ConflictException(L("Vous avez déjà fait votre déclaration pour ce projet.", "You have already declared for this project."));
        }

        var recusedAsReviewer = await db.Reviews.AnyAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == me && r.State == ReviewState.Recused, cancellationToken);
        if (recusedAsReviewer && !request.ConflictOfInterest)
        {
            throw new ConflictException(L(
                "Vous avez déclaré un conflit d'intérêts en relisant cette candidature : il vaut aussi pour l'entretien.",
                "You declared a conflict of interest when reviewing this application: it stands for the interview too."));
        }

        db.InterviewNotes.Add(InterviewNote.Declare(application.Id, application.SeasonId, me, request.ConflictOfInterest, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
