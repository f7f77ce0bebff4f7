using Incubator.Applications.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record UpdateDraft(Guid ApplicationId, ApplicationInput Input) : IRequest<ApplicationDto>;

internal sealed class UpdateDraftHandler(ApplicationsDbContext db, ApplicationAccess access, TimeProvider time) : IRequestHandler<UpdateDraft, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(UpdateDraft request, CancellationToken cancellationToken)
    {
        var application = await access.MineAsync(request.ApplicationId, cancellationToken);
        application.Answer(request.Input.ToAnswers(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }
}
