using MediatR;

namespace Incubator.Funding.Features;

internal sealed record GetAgreement(Guid Id) : IRequest<AgreementDto>;

internal sealed class GetAgreementHandler(AgreementSteps agreements) : IRequestHandler<GetAgreement, AgreementDto>
{
    public async Task<AgreementDto> Handle(GetAgreement request, CancellationToken cancellationToken)
    {
        var agreement = await agreements.FindAsync(request.Id, tracking: false, cancellationToken);
        return FundingMapping.ToDto(agreement, await agreements.FunderNameAsync(agreement.FunderId, cancellationToken));
    }
}
