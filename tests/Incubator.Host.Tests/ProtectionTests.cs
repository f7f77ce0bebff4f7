using System.Net;
using System.Net.Http.Json;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class ProtectionTests
{
    [Fact]
    public async Task Given_any_page_file_or_API_answer_When_served_Then_it_carries_the_security_headers_and_a_CSP_without_inline_script()
    {
        using var factory = new IncubatorFactory();
        var client = factory.CreateClient();
        foreach (var url in new[] { "/", "/account/login", "/css/site.css", "/api/seasons", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task Given_low_limits_When_signing_in_signing_up_and_submitting_too_often_Then_429_with_retry_after_and_the_others_unaffected()
    {
        using var factory = new IncubatorFactory(settings: new Dictionary<string, string>
        {
            ["Incubator:RateLimits:SignInPerMinute"] = "3",
            ["Incubator:RateLimits:SignUpPerHour"] = "2",
            ["Incubator:RateLimits:SubmissionsPerMinute"] = "2",
        });
        var client = factory.CreateClient();

        // Sign-ups: 1 of 2. Sign-ins: the lead and the applicant, 2 of 3.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/register", new { email = "a@test.local", password = "Applicant-Password-1" })).StatusCode);
        var lead = await factory.AdminClientAsync();
        var applicant = await factory.ClientForAsync("a@test.local", "Applicant-Password-1");

        // Two drafts a minute, then a clear refusal; the lead's own work is not slowed.
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", ApplicationsApi.CompleteBody())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", ApplicationsApi.CompleteBody())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/seasons/{season.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "x@test.local", password = "wrong-Password-1" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = IncubatorFactory.AdminEmail, password = IncubatorFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After"))) > 0);
        Assert.Equal(429, (await limited.ProblemAsync()).GetProperty("status").GetInt32());

        // Signing up counts apart, per hour: 2 of 2, then refused.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/register", new { email = "b@test.local", password = "Applicant-Password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/register", new { email = "c@test.local", password = "Applicant-Password-1" })).StatusCode);

        // The page's sign-in form has its own count, and says it in French.
        var page = new PageClient(factory);
        for (var i = 0; i < 3; i++)
        {
            await page.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = "x@test.local", ["Password"] = "wrong" });
        }

        var blocked = await page.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = "x@test.local", ["Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Contains("Trop de tentatives", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
