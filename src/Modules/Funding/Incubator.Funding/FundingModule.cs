using Incubator.BuildingBlocks;
using Incubator.Funding.Persistence;
using Microsoft.AspNetCore.Builder;

namespace Incubator.Funding;

public static class FundingModule
{
    public static WebApplicationBuilder AddFundingModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<FundingDbContext, FundingSqliteDbContext, FundingSqlServerDbContext>(builder.Configuration, FundingDbContext.Module)
            .AddModuleHandlers(typeof(FundingModule).Assembly);
        return builder;
    }
}
