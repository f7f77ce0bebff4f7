using Incubator.Applications;
using Incubator.Coaching;
using Incubator.Funding;
using Incubator.Host.Infrastructure;
using Incubator.Seasons;
using Incubator.Trainings;

var builder = WebApplication.CreateBuilder(args);

builder.AddIncubatorHost();
builder.AddSeasonsModule();
builder.AddApplicationsModule();
builder.AddCoachingModule();
builder.AddTrainingsModule();
builder.AddFundingModule();

var app = builder.Build();
await app.InitializeIncubatorAsync();
app.UseIncubatorHost();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
