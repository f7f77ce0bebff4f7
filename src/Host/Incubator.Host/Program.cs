using Incubator.Applications;
using Incubator.Coaching;
using Incubator.Funding;
using Incubator.Host.Infrastructure;
using Incubator.Seasons;
using Incubator.Impact;
using Incubator.Meetings;
using Incubator.Trainings;

if (args is ["backup" or "restore", ..])
{
    // An operator's command (README, Backups): the host's configuration, no web server.
    var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }).Configuration;
    return await Incubator.Host.Operations.Backup.RunCommandAsync(args, configuration);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddIncubatorHost();
builder.AddSeasonsModule();
builder.AddApplicationsModule();
builder.AddCoachingModule();
builder.AddTrainingsModule();
builder.AddMeetingsModule();
builder.AddImpactModule();
builder.AddFundingModule();

var app = builder.Build();
// The databases are checked on the thread pool while this thread builds the pipeline and the route table
// (about 150 ms of a 1.3-1.5 s start on a 2-core machine; ADR 0014). Nothing is served before both are done.
var initialized = app.InitializeIncubatorAsync();
app.UseIncubatorHost();
await initialized;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
