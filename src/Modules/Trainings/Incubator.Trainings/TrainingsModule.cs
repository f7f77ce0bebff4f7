using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
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
            .AddModuleDbContext<TrainingsDbContext, TrainingsSqliteDbContext, TrainingsSqlServerDbContext, TrainingsPostgreSqlDbContext>(builder.Configuration, TrainingsDbContext.Module)
            .AddModuleHandlers(typeof(TrainingsModule).Assembly)
            .AddScoped<TrainingAccess>()
            .AddScoped<TrainingStore>()
            .AddHomePanel("LeadTrainingsPanel", 15, Roles.ProgramLead)
            .AddHomePanel("ApplicantTrainingsPanel", 35, Roles.Applicant);
        return builder;
    }
}
