using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Coaching.Contracts;
using Incubator.Coaching.Features;
using Incubator.Coaching.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Coaching;

public static class CoachingModule
{
    public static WebApplicationBuilder AddCoachingModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<CoachingDbContext, CoachingSqliteDbContext, CoachingSqlServerDbContext, CoachingPostgreSqlDbContext>(builder.Configuration, CoachingDbContext.Module)
            .AddModuleHandlers(typeof(CoachingModule).Assembly)
            .AddScoped<CoachingAccess>()
            .AddScoped<IProjectCoaches, ProjectCoaches>()
            .AddHomePanel("CoachProjectsPanel", 10, Roles.Coach)
            .AddHomePanel("ApplicantCoachingPanel", 40, Roles.Applicant);
        return builder;
    }
}
