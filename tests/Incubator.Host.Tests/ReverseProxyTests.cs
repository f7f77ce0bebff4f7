using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

/// <summary>
/// Behind the reverse proxy of deploy/nginx.conf, which ends HTTPS and forwards plain HTTP from this machine: the host
/// takes the scheme the proxy reports (HSTS is sent on HTTPS only), and believes no such header from anyone else.
/// </summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task Given_a_request_forwarded_as_HTTPS_by_a_local_proxy_Then_HSTS_is_sent_and_not_for_plain_HTTP()
    {
        var data = Path.Combine(Path.GetTempPath(), "incubator-tests", "proxy-" + Guid.NewGuid().ToString("N"));
        using var host = await HostProcess.StartAsync(data, TestDatabase.Settings(DatabaseProvider.Sqlite, data));
        using var client = host.CreateClient();

        async Task<HttpResponseMessage> GetAsync(string? forwardedProto)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/privacy");
            request.Headers.Host = "incubateur.example.org"; // HSTS is never sent to localhost
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }

            return await client.SendAsync(request);
        }

        var viaHttps = await GetAsync("https");
        var plain = await GetAsync(null);

        await viaHttps.EnsureSuccessAsync();
        Assert.True(viaHttps.Headers.Contains("Strict-Transport-Security"), string.Join("; ", viaHttps.Headers.Select(h => h.Key)));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
