using Incubator.BuildingBlocks;
using Incubator.Trainings.Features;
using Incubator.Trainings.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Trainings;

public static class TrainingsModule
{
    public static WebApplicationBuilder AddTrainingsModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<TrainingsDbContext, TrainingsSqliteDbContext, TrainingsSqlServerDbContext>(builder.Configuration, TrainingsDbContext.Module)
            .AddModuleHandlers(typeof(TrainingsModule).Assembly)
            .AddScoped<TrainingAccess>();
        return builder;
    }
}
