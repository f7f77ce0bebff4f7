using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record DetachPdf(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed class DetachPdfHandler(ApplicationsDbContext db, ApplicationAccess access, TimeProvider time, IFileStore files) : IRequestHandler<DetachPdf, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(DetachPdf request, CancellationToken cancellationToken)
    {
        var application = await access.MineAsync(request.ApplicationId, cancellationToken);
        var previous = application.Detach(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            files.Delete(AttachPdf.Area, previous);
        }

        return ApplicationDto.From(application);
    }
}
