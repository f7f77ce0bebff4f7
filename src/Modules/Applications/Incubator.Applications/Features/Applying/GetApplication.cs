using MediatR;

namespace Incubator.Applications.Features;

internal sealed record GetApplication(Guid ApplicationId) : IRequest<ApplicationDto>;

internal sealed class GetApplicationHandler(ApplicationAccess access) : IRequestHandler<GetApplication, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(GetApplication request, CancellationToken cancellationToken)
    {
        var (application, blind) = await access.ReadableAsync(request.ApplicationId, cancellationToken);
        return blind ? ApplicationDto.Blind(application) : ApplicationDto.From(application);
    }
}
