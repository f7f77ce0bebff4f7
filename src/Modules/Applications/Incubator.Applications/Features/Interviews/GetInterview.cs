using MediatR;

namespace Incubator.Applications.Features;

internal sealed record GetInterview(Guid ApplicationId) : IRequest<InterviewDto>;

internal sealed class GetInterviewHandler(InterviewAccess access) : IRequestHandler<GetInterview, InterviewDto>
{
    public Task<InterviewDto> Handle(GetInterview request, CancellationToken cancellationToken) => access.ReadAsync(request.ApplicationId, cancellationToken);
}
