using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Funding.Features;
using Incubator.Funding.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Funding;

public static class FundingModule
{
    public static WebApplicationBuilder AddFundingModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<AgreementSteps>();
        builder.Services.AddScoped<FunderReportComputation>();
        builder.Services
            .AddModuleDbContext<FundingDbContext, FundingSqliteDbContext, FundingSqlServerDbContext, FundingPostgreSqlDbContext>(builder.Configuration, FundingDbContext.Module)
            .AddModuleHandlers(typeof(FundingModule).Assembly)
            .AddHomePanel("LeadFundingPanel", 20, Roles.ProgramLead);
        return builder;
    }
}
