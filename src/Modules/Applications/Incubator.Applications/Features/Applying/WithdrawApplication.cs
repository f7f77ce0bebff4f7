using Incubator.Applications.Persistence;
using MediatR;

namespace Incubator.Applications.Features;

internal sealed record WithdrawApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed class WithdrawApplicationHandler(ApplicationsDbContext db, ApplicationAccess access, TimeProvider time) : IRequestHandler<WithdrawApplication, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(WithdrawApplication request, CancellationToken cancellationToken)
    {
        var application = await access.MineAsync(request.ApplicationId, cancellationToken);
        application.Withdraw(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ApplicationDto.From(application);
    }
}
