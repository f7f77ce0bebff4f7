using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.Funding.Persistence;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record ReceiveTranche(Guid AgreementId, int Index, ReceivedInput Input) : IRequest<AgreementDto>;

internal sealed class ReceiveTrancheHandler(AgreementSteps agreements, FundingDbContext db, ICurrentUser user, TimeProvider time) : IRequestHandler<ReceiveTranche, AgreementDto>
{
    public Task<AgreementDto> Handle(ReceiveTranche request, CancellationToken cancellationToken) =>
        agreements.ChangeAsync(request.AgreementId, request.Input.ReceivedOn, "receivedOn", L("La date de réception est obligatoire.", "The date received is required."),
            (agreement, on) =>
            {
                agreement.ReceiveTranche(request.Index, on, ParisTime.Today(time), time.GetUtcNow());
                db.Audit(user, time, "tranche.received", agreement.Id, agreement.Reference ?? agreement.Id.ToString(),
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{request.Index + 1}: {agreement.Tranches[request.Index].Amount:0.00} EUR, {on:yyyy-MM-dd}"));
            }, cancellationToken);
}
