using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

/// <summary>A lead approves the report as it stands: its figures are frozen under a label, for a funder or for all.</summary>
internal sealed record ApproveFunderReport(Guid SeasonId, ApproveReportInput Input) : IRequest<SnapshotDto>;

internal sealed class ApproveFunderReportValidator : AbstractValidator<ApproveFunderReport>
{
    public ApproveFunderReportValidator()
    {
        RuleFor(r => r.Input.Label).NotEmpty().MaximumLength(200).OverridePropertyName("label");
    }
}

internal sealed class ApproveFunderReportHandler(FundingDbContext db, ISeasonDirectory seasons, FunderReportComputation computation, ICurrentUser user, TimeProvider time) : IRequestHandler<ApproveFunderReport, SnapshotDto>
{
    public async Task<SnapshotDto> Handle(ApproveFunderReport request, CancellationToken cancellationToken)
    {
        var season = await seasons.RequireAsync(request.SeasonId, cancellationToken);
        if (request.Input.FunderId is { } funderId && !await db.Funders.AnyAsync(f => f.Id == funderId, cancellationToken))
        {
            throw new DomainException(L("Ce financeur n'existe pas.", "This funder does not exist."), "funderId");
        }

        var report = await computation.ComputeAsync(season, cancellationToken);
        var snapshot = new ReportSnapshot(season.Id, request.Input.FunderId, request.Input.Label!.Trim(), SnapshotMapping.Freeze(report), user.RequiredId(), time.GetUtcNow());
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return SnapshotMapping.ToDto(snapshot);
    }
}
