using Incubator.Applications.Contracts;
using Incubator.Applications.Features;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.BuildingBlocks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Applications;

public static class ApplicationsModule
{
    public static WebApplicationBuilder AddApplicationsModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<ApplicationsDbContext, ApplicationsSqliteDbContext, ApplicationsSqlServerDbContext, ApplicationsPostgreSqlDbContext>(builder.Configuration, ApplicationsDbContext.Module)
            .AddModuleHandlers(typeof(ApplicationsModule).Assembly)
            .AddScoped<ReviewAccess>()
            .AddScoped<ApplicationAccess>()
            .AddScoped<InterviewAccess>()
            .AddScoped<TeamAccess>()
            .AddScoped<IProjectTeam, ProjectTeam>()
            .AddScoped<Anonymiser>()
            .AddScoped<IApplicationFacts, ApplicationFacts>()
            .AddSeasonPanel("SeasonInterviewsPanel", 20)
            .AddHomePanel("LeadPipelinePanel", 10, Roles.ProgramLead)
            .AddHomePanel("ReviewerQueuePanel", 20, Roles.Reviewer)
            .AddHomePanel("ApplicantApplicationsPanel", 30, Roles.Applicant);
        return builder;
    }
}
