using System.Globalization;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Incubator.Funding.Features;

internal sealed record GetFunderReport(Guid SeasonId) : IRequest<FunderReportDto>;

internal sealed class GetFunderReportHandler(FundingDbContext db, ISeasonDirectory seasons, FunderReportComputation computation, IMemoryCache cache) : IRequestHandler<GetFunderReport, FunderReportDto>
{
    public async Task<FunderReportDto> Handle(GetFunderReport request, CancellationToken cancellationToken)
    {
        var season = await seasons.RequireAsync(request.SeasonId, cancellationToken);

        // Every lead opening the report sees the same figures: computed once per change of the data (the
        // stamp) and per language (projects are sorted by name in it), then read from memory in one query.
        var stamp = await db.ReportStamps.AsNoTracking().Where(s => s.Id == ReportStamp.TheOne).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        var key = (nameof(FunderReportDto), season.Id, season.Name, stamp, CultureInfo.CurrentCulture.Name);
        if (cache.TryGetValue(key, out FunderReportDto? cached) && cached is not null)
        {
            return cached;
        }

        var report = await computation.ComputeAsync(season, cancellationToken);
        cache.Set(key, report, TimeSpan.FromMinutes(10));
        return report;
    }
}
