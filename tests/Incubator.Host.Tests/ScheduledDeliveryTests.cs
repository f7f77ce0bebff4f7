using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>With the real Hangfire server running: what a commit publishes reaches the other modules within seconds.</summary>
public sealed class ScheduledDeliveryTests
{
    private sealed class ServerFactory(Action<IServiceCollection> configure) : IncubatorFactory(configure: configure)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Incubator:Jobs:RunServer", "true");
        }
    }

    [Fact]
    public async Task Given_the_job_server_When_a_cohort_is_approved_Then_a_handler_in_another_module_sees_it_within_ten_seconds()
    {
        using var factory = new ServerFactory(services =>
        {
            services.AddSingleton(new ProbeFailures());
            services.AddDbContext<ProbeDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseOptions>().SqliteConnectionString("probe")));
            services.AddScoped<INotificationHandler<CohortApproved>, ProbeHandler>();
        });
        factory.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the job server schedules on the real clock
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database.EnsureCreatedAsync();
        }

        var lead = await factory.AdminClientAsync();
        var now = factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(30));
        await (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        var project = await factory.DecideAsync(season.Id, ApplicationDecision.Selected);
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/cohort", new { applicationIds = new[] { project } })).EnsureSuccessAsync();
        await (await lead.PostAsync($"/api/seasons/{season.Id}/cohort/approve", null)).EnsureSuccessAsync();

        await Eventually.AssertAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.AnyAsync(e => e.SeasonId == season.Id);
        }, TimeSpan.FromSeconds(10), "CohortApproved delivered by the Hangfire outbox job");
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.CountAsync(e => e.SeasonId == season.Id));
    }
}
