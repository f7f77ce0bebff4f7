using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Web;
using Incubator.Impact.Contracts;
using Incubator.Impact.Features;
using Incubator.Impact.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Impact;

/// <summary>
/// Outcomes and impact (issue 26): each project of a cohort answers questionnaires at entry, at exit, and months after
/// the season's end; the funders' report counts the answers from this module's events. Its own database.
/// </summary>
public static class ImpactModule
{
    public static WebApplicationBuilder AddImpactModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<ImpactDbContext, ImpactSqliteDbContext, ImpactSqlServerDbContext, ImpactPostgreSqlDbContext>(builder.Configuration, ImpactDbContext.Module)
            .AddModuleHandlers(typeof(ImpactModule).Assembly)
            .AddScoped<ImpactAccess>()
            .AddScoped<IQuestionnaireFacts, QuestionnaireFacts>()
            .AddHomePanel("ApplicantQuestionnairesPanel", 35, Roles.Applicant)
            .AddSeasonPanel("SeasonImpactPanel", 40);
        return builder;
    }
}
