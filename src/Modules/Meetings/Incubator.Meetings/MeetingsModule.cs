using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Web;
using Incubator.Meetings.Persistence;
using Microsoft.AspNetCore.Builder;

namespace Incubator.Meetings;

/// <summary>The meetings of a season's call, before the cohort: information meetings (issue 25), with their own database.</summary>
public static class MeetingsModule
{
    public static WebApplicationBuilder AddMeetingsModule(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddModuleDbContext<MeetingsDbContext, MeetingsSqliteDbContext, MeetingsSqlServerDbContext, MeetingsPostgreSqlDbContext>(builder.Configuration, MeetingsDbContext.Module)
            .AddModuleHandlers(typeof(MeetingsModule).Assembly)
            .AddSeasonPanel("SeasonMeetingsPanel", 10);
        return builder;
    }
}
