using Incubator.BuildingBlocks.Jobs;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>Work that may wait steps aside while the host answers many requests at once, for a bounded time.</summary>
public sealed class RequestLoadTests
{
    [Fact]
    public void Given_few_requests_When_a_job_asks_Then_it_goes_on_at_once()
    {
        var load = new RequestLoad(busyAt: 2, patience: TimeSpan.FromMinutes(1));
        load.Started();

        Assert.True(load.WhenEasedAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Given_many_requests_When_a_job_asks_Then_it_waits_until_they_are_answered()
    {
        var load = new RequestLoad(busyAt: 2, patience: TimeSpan.FromMinutes(1));
        load.Started();
        load.Started();

        var wait = load.WhenEasedAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(wait.IsCompleted);

        load.Ended();
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, load.InFlight);
    }

    [Fact]
    public async Task Given_a_load_that_never_eases_When_a_job_asks_Then_it_goes_on_after_its_patience()
    {
        var load = new RequestLoad(busyAt: 1, patience: TimeSpan.FromMilliseconds(50));
        load.Started();

        await load.WhenEasedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(load.IsBusy);
    }

    [Fact]
    public async Task Given_answered_failed_and_refused_requests_When_all_are_answered_Then_none_is_counted_any_longer()
    {
        using var factory = new IncubatorFactory();
        var anonymous = factory.CreateClient();
        var lead = await factory.AdminClientAsync();

        Assert.True((await lead.GetAsync("/api/seasons")).IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await lead.GetAsync($"/api/applications/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await lead.PostAsync("/api/seasons", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/applications/mine")).StatusCode);

        Assert.Equal(0, factory.Services.GetRequiredService<RequestLoad>().InFlight);
    }

    [Fact]
    public async Task Given_many_requests_being_answered_When_the_outbox_job_runs_Then_it_delivers_once_they_are_answered()
    {
        var load = new RequestLoad(busyAt: 2, patience: TimeSpan.FromMinutes(1));
        using var factory = new IncubatorFactory(configure: services => services.AddSingleton(load));
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (applicant, _) = await factory.ApplicantClientAsync();
        await applicant.SubmitAsync(season.Id, "Recyclerie de Crest");

        await AssertHeldUntilEasedAsync(factory, load, "outbox:applications", ConfirmationsAsync);
    }

    [Fact]
    public async Task Given_many_requests_being_answered_When_the_mail_job_runs_Then_it_delivers_once_they_are_answered()
    {
        var load = new RequestLoad(busyAt: 2, patience: TimeSpan.FromMinutes(1));
        using var factory = new IncubatorFactory(configure: services => services.AddSingleton(load));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MailDb>();
            db.OutgoingMails.Add(new OutgoingMail("porteuse@example.org", "Rappel", "Bonjour,", factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await AssertHeldUntilEasedAsync(factory, load, MailDeliveryJob.JobId, SentAsync);
    }

    /// <summary>With two requests being answered (the busy threshold), the job does nothing until they end, then does its batch.</summary>
    private static async Task AssertHeldUntilEasedAsync(IncubatorFactory factory, RequestLoad load, string jobId, Func<IncubatorFactory, Task<int>> done)
    {
        load.Started();
        load.Started();
        var job = factory.RunJobAsync(jobId);
        await Task.Delay(300);
        Assert.False(job.IsCompleted);
        Assert.Equal(0, await done(factory));

        load.Ended();
        await job.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await done(factory));
    }

    private static async Task<int> SentAsync(IncubatorFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.CountAsync(m => m.SentAt != null);
    }

    private static async Task<int> ConfirmationsAsync(IncubatorFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.CountAsync();
    }
}
