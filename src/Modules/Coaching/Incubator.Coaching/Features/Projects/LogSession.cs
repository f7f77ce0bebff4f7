using FluentValidation;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Application;
using Incubator.Coaching.Domain;
using Incubator.Coaching.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Coaching.Features;

internal sealed record LogSession(Guid ProjectId, SessionInput Input) : IRequest<SessionDto>;

internal sealed class LogSessionValidator : AbstractValidator<LogSession>
{
    public LogSessionValidator()
    {
        RuleFor(r => r.Input.Date).NotNull().OverridePropertyName("date");
        RuleFor(r => r.Input.DurationMinutes).NotNull().InclusiveBetween(CoachedProject.MinMinutes, CoachedProject.MaxMinutes).OverridePropertyName("durationMinutes");
        RuleFor(r => r.Input.Format).NotEmpty().IsEnumName(typeof(SessionFormat), caseSensitive: false).OverridePropertyName("format");
    }
}

/// <summary>A coaching session logged by a coach of the pair.</summary>
internal sealed class LogSessionHandler(CoachingDbContext db, CoachingAccess access, ICurrentUser user, TimeProvider time) : IRequestHandler<LogSession, SessionDto>
{
    public async Task<SessionDto> Handle(LogSession request, CancellationToken cancellationToken)
    {
        var (project, pair) = await access.ProjectAsync(request.ProjectId, tracking: true, cancellationToken);
        if (pair is null)
        {
            throw new ConflictException(L("Ce projet n'a pas encore de binôme.", "This project has no coaching pair yet."));
        }

        var input = request.Input;
        var log = new SessionLog(input.Date!.Value, input.DurationMinutes!.Value, Enum.Parse<SessionFormat>(input.Format!, ignoreCase: true),
            input.CoachesPresent ?? [], CoachingMapping.Clean(input.Notes), CoachingMapping.Clean(input.Decisions), CoachingMapping.Clean(input.NextSteps), input.NextMeetingOn);
        project.Log(log, pair, user.RequiredId(), ParisTime.Today(time), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CoachingMapping.ToDto(project.Sessions[^1]);
    }
}
