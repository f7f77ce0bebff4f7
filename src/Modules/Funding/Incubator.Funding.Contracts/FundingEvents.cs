using Incubator.BuildingBlocks.Messaging;

namespace Incubator.Funding.Contracts;

/// <summary>A tranche of a funding agreement was received (audit, accounting exports).</summary>
public sealed record TrancheReceived(Guid AgreementId, Guid FunderId, Guid SeasonId, int Index, decimal Amount, DateOnly ReceivedOn) : IntegrationEvent;

/// <summary>
/// A tranche or a report is due soon: 30 or 7 days before, once each. <see cref="Kind"/> is "Tranche" or "Report";
/// the host writes to the program leads.
/// </summary>
public sealed record FundingDeadlineApproaching(
    Guid AgreementId,
    Guid SeasonId,
    string FunderName,
    string Kind,
    string Label,
    DateOnly DueOn,
    int DaysBefore,
    decimal? Amount) : IntegrationEvent;
