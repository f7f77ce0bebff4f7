using System.Net.Http.Json;
using System.Text.Json;
using Incubator.Host.Infrastructure;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Incubator.Host.Tests;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Given_demo_data_on_When_the_host_starts_twice_Then_a_lived_season_is_there_once_and_each_demo_account_finds_its_work()
    {
        IncubatorFactory? factory = null;
        factory = new IncubatorFactory(configure: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_ => new DemoClock(factory!.Clock));
            services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
            services.AddSingleton<DemoData>();
        });
        using var _ = factory;
        var lead = await factory.ClientForAsync("responsable@demo.incubator.local", DemoData.Password);

        var seasons = (await lead.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!;
        Assert.Equal(3, seasons.Count);
        var lived = seasons.Where(s => s.Status != "ApplicationsOpen").MaxBy(s => s.StartsOn)!;
        Assert.Contains(seasons, s => s.Status == "ApplicationsOpen");
        var report = await lead.GetFromJsonAsync<JsonElement>($"/api/seasons/{lived.Id}/funder-report");
        Assert.Equal(15, report.GetProperty("applicationsSubmitted").GetInt32());
        Assert.Equal((1, 9), (report.GetProperty("informationMeetingsHeld").GetInt32(), report.GetProperty("peopleInformed").GetInt32()));
        Assert.Equal((8, 8), (report.GetProperty("funnel").GetProperty("shortlisted").GetInt32(), report.GetProperty("funnel").GetProperty("interviewed").GetInt32()));
        Assert.Equal(6, report.GetProperty("projectsAccompanied").GetInt32());
        Assert.InRange(report.GetProperty("trainingSessionsHeld").GetInt32(), 3, 8);
        Assert.InRange(report.GetProperty("coachingSessions").GetInt32(), 20, 60);
        Assert.True(report.GetProperty("milestonesReached").GetInt32() > 0);
        Assert.Equal(75000m, report.GetProperty("fundingCommitted").GetDecimal());
        Assert.Equal(["07", "26"], report.GetProperty("departmentsReached").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(TimeSpan.Zero, factory.Services.GetRequiredService<DemoClock>().Shift);

        // The season's cohort answered its entry questionnaire (four of six); the cohort of two years before was followed since.
        var entry = report.GetProperty("outcomes").GetProperty("stages")[0];
        Assert.Equal(("entry", 6, 4), (entry.GetProperty("stage").GetString(), entry.GetProperty("opened").GetInt32(), entry.GetProperty("answered").GetInt32()));
        var past = Assert.Single(report.GetProperty("pastCohorts").EnumerateArray());
        var stages = past.GetProperty("outcomes").GetProperty("stages").EnumerateArray().ToDictionary(x => x.GetProperty("stage").GetString()!);
        Assert.Equal((4, 3, 2), (stages["exit"].GetProperty("opened").GetInt32(), stages["exit"].GetProperty("answered").GetInt32(), stages["exit"].GetProperty("activitiesLaunched").GetInt32()));
        Assert.Equal((4, 2), (stages["m6"].GetProperty("opened").GetInt32(), stages["m6"].GetProperty("answered").GetInt32()));
        Assert.Equal((4, 1), (stages["m12"].GetProperty("opened").GetInt32(), stages["m12"].GetProperty("answered").GetInt32()));
        var record = await lead.GetFromJsonAsync<JsonElement>($"/api/programs/{lived.ProgramId}/track-record");
        Assert.Equal(2, record.GetProperty("cohorts").GetArrayLength());

        var coach = await factory.ClientForAsync("accompagnatrice@demo.incubator.local", DemoData.Password);
        var mine = (await coach.GetFromJsonAsync<List<JsonElement>>("/api/coaching/projects/mine"))!;
        Assert.Equal(6, mine.Count);
        Assert.Contains(mine, p => p.GetProperty("notSeenForFourWeeks").GetBoolean());
        var applicant = await factory.ClientForAsync("porteuse@demo.incubator.local", DemoData.Password);
        Assert.NotEmpty((await applicant.GetFromJsonAsync<List<JsonElement>>("/api/trainings/mine"))!);
        await factory.ClientForAsync("comite1@demo.incubator.local", DemoData.Password);

        // The modules agree on every fact they copied from one another (ADR 0020).
        var consistency = await lead.GetFromJsonAsync<JsonElement>("/api/consistency");
        Assert.Empty(consistency.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString()));

        // A second start finds the program and adds nothing.
        await factory.Services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        Assert.Equal(3, (await lead.GetFromJsonAsync<List<SeasonResponse>>("/api/seasons"))!.Count);
    }
}
