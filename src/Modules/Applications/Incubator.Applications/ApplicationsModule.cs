using Incubator.Applications.Features;
using Incubator.Applications.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Incubator.BuildingBlocks;
using Microsoft.AspNetCore.Builder;

namespace Incubator.Applications;

public static class ApplicationsModule
{
    public static WebApplicationBuilder AddApplicationsModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<ApplicationsDbContext, ApplicationsSqliteDbContext, ApplicationsSqlServerDbContext>(builder.Configuration, ApplicationsDbContext.Module)
            .AddModuleHandlers(typeof(ApplicationsModule).Assembly)
            .AddScoped<ReviewAccess>();
        return builder;
    }
}
