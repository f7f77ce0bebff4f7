using Incubator.BuildingBlocks;
using Incubator.Seasons.Contracts;
using Incubator.Seasons.Features;
using Incubator.Seasons.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Seasons;

public static class SeasonsModule
{
    public static WebApplicationBuilder AddSeasonsModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<SeasonsDbContext, SeasonsSqliteDbContext, SeasonsSqlServerDbContext, SeasonsPostgreSqlDbContext>(builder.Configuration, SeasonsDbContext.Module)
            .AddModuleHandlers(typeof(SeasonsModule).Assembly)
            .AddSingleton<SeasonCache>()
            .AddSingleton<IInterceptor, SeasonCacheInvalidation>()
            .AddScoped<ISeasonDirectory, SeasonDirectory>();
        return builder;
    }
}
