using Incubator.BuildingBlocks.Application;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record RequestTranche(Guid AgreementId, int Index, RequestedInput Input) : IRequest<AgreementDto>;

internal sealed class RequestTrancheHandler(AgreementSteps agreements, TimeProvider time) : IRequestHandler<RequestTranche, AgreementDto>
{
    public Task<AgreementDto> Handle(RequestTranche request, CancellationToken cancellationToken) =>
        agreements.ChangeAsync(request.AgreementId, request.Input.RequestedOn, "requestedOn", L("La date de la demande est obligatoire.", "The date of the request is required."),
            (agreement, on) => agreement.RequestTranche(request.Index, on, ParisTime.Today(time)), cancellationToken);
}
