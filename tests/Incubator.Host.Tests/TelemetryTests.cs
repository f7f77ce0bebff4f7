using System.Net;
using System.Net.Http.Headers;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

/// <summary>The Prometheus scrape endpoint: off unless a token is set, then served only to whoever sends that token.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Given_a_scrape_token_When_scraping_Then_only_its_bearer_reads_the_requests_jobs_and_outbox_metrics()
    {
        using var factory = new IncubatorFactory(settings: new Dictionary<string, string> { ["Incubator:Telemetry:PrometheusToken"] = "scrape-secret-2026" });
        var lead = await factory.AdminClientAsync();
        await lead.CreateProgramAsync();
        await factory.RunJobAsync("outbox:seasons");
        var client = factory.CreateClient();

        async Task<HttpResponseMessage> ScrapeAsync(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync("not-the-token")).StatusCode);
        var scraped = await ScrapeAsync("scrape-secret-2026");
        await scraped.EnsureSuccessAsync();
        var text = await scraped.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("incubator_jobs_runs", text, StringComparison.Ordinal);
        Assert.Contains("incubator_outbox_pending", text, StringComparison.Ordinal);
        Assert.Contains("incubator_mail_waiting", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_token_Then_there_is_no_metrics_endpoint()
    {
        using var factory = new IncubatorFactory();
        var admin = await factory.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
    }
}
