using Incubator.Applications.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record SubmitApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed class SubmitApplicationHandler(ApplicationsDbContext db, ApplicationAccess access, ISeasonDirectory seasons, TimeProvider time) : IRequestHandler<SubmitApplication, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(SubmitApplication request, CancellationToken cancellationToken)
    {
        var application = await access.MineAsync(request.ApplicationId, cancellationToken);
        var now = time.GetUtcNow();
        var season = await seasons.FindAsync(application.SeasonId, cancellationToken);
        application.Submit(now, season?.AcceptsApplicationsAt(now) == true);
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }
}
