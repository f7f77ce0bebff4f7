using FluentValidation;
using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record WriteInterviewNotes(Guid ApplicationId, InterviewNoteInput Input) : IRequest<InterviewDto>;

internal sealed class WriteInterviewNotesValidator : AbstractValidator<WriteInterviewNotes>
{
    public WriteInterviewNotesValidator()
    {
        RuleFor(r => r.Input.Recommendation).NotEmpty().IsEnumName(typeof(InterviewRecommendation), caseSensitive: false)
            .WithMessage(_ => L("Choisissez : Select, Waitlist ou Reject.", "Choose: Select, Waitlist or Reject.")).OverridePropertyName("recommendation");
        RuleFor(r => r.Input.Notes).MaximumLength(InterviewNote.NotesMax).OverridePropertyName("notes");
    }
}

/// <summary>A jury member writes (or rewrites) their notes and recommendation, once they have declared no conflict.</summary>
internal sealed class WriteInterviewNotesHandler(ApplicationsDbContext db, InterviewAccess access, TimeProvider time)
    : IRequestHandler<WriteInterviewNotes, InterviewDto>
{
    public async Task<InterviewDto> Handle(WriteInterviewNotes request, CancellationToken cancellationToken)
    {
        var (application, me) = await access.ForJuryAsync(request.ApplicationId, cancellationToken);
        var note = await db.InterviewNotes.FirstOrDefaultAsync(n => n.ApplicationId == application.Id && n.JuryUserId == me, cancellationToken)
            ?? throw new ConflictException(L("Déclarez d'abord vos liens d'intérêts avec ce projet.", "Declare your interests with this project first."));
        var now = time.GetUtcNow();
        note.Write(request.Input.Notes, Enum.Parse<InterviewRecommendation>(request.Input.Recommendation!, ignoreCase: true), now);
        db.AddToOutbox(new ApplicationInterviewed(application.Id, application.SeasonId, now) { OccurredAt = now }); // the funnel keeps the first
        await db.SaveChangesAsync(cancellationToken);
        return await access.ReadAsync(application.Id, cancellationToken);
    }
}
