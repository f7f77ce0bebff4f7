using Incubator.BuildingBlocks.Application;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record SubmitReport(Guid AgreementId, int Index, SubmittedInput Input) : IRequest<AgreementDto>;

internal sealed class SubmitReportHandler(AgreementSteps agreements, TimeProvider time) : IRequestHandler<SubmitReport, AgreementDto>
{
    public Task<AgreementDto> Handle(SubmitReport request, CancellationToken cancellationToken) =>
        agreements.ChangeAsync(request.AgreementId, request.Input.SubmittedOn, "submittedOn", L("La date de remise est obligatoire.", "The date submitted is required."),
            (agreement, on) => agreement.SubmitReport(request.Index, on, ParisTime.Today(time)), cancellationToken);
}
