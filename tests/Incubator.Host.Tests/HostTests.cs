using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Infrastructure;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Incubator.Host.Tests;

public sealed class HostTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public HostTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Me(Guid Id, string Email, string DisplayName, List<string> Roles);

    [Fact]
    public void Given_a_running_host_Then_it_gives_freed_native_memory_back()
    {
        Assert.Single(_factory.Services.GetServices<IHostedService>().OfType<NativeMemoryTrim>());
    }

    [Fact]
    public async Task Given_a_running_host_When_probing_health_Then_live_and_ready_answer_healthy()
    {
        var client = _factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Given_the_OpenAPI_document_Then_it_describes_the_API_routes_and_no_page()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var route in new[] { "/api/seasons", "/api/seasons/{id}/cohort/approve", "/api/programs", "/api/users", "/api/users/me", "/api/auth/login" })
        {
            Assert.Contains(route, paths);
        }

        Assert.All(paths, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_registration_through_the_API_Then_the_account_is_an_applicant()
    {
        var (applicant, id) = await _factory.ApplicantClientAsync();

        var me = await applicant.GetFromJsonAsync<Me>("/api/users/me");

        Assert.Equal(id, me!.Id);
        Assert.Equal([Roles.Applicant], me.Roles);
    }

    [Fact]
    public async Task Given_the_bootstrap_settings_Then_the_first_administrator_is_also_a_program_lead()
    {
        var admin = await _factory.AdminClientAsync();

        var me = await admin.GetFromJsonAsync<Me>("/api/users/me");

        Assert.Equal(IncubatorFactory.AdminEmail, me!.Email);
        Assert.Equal([Roles.Admin, Roles.ProgramLead], me.Roles.Order());
    }

    [Fact]
    public async Task Given_a_program_lead_When_creating_users_Then_coaches_and_reviewers_only()
    {
        var (lead, _) = await _factory.UserClientAsync(Roles.ProgramLead);

        var coach = await lead.PostAsJsonAsync("/api/users", new { email = $"c-{Guid.NewGuid():N}@test.local", displayName = "Coach", password = "Coach-Password-1", roles = new[] { Roles.Coach } });
        var admin = await lead.PostAsJsonAsync("/api/users", new { email = $"a-{Guid.NewGuid():N}@test.local", displayName = "Admin", password = "Admin-Password-1", roles = new[] { Roles.Admin } });
        var weak = await lead.PostAsJsonAsync("/api/users", new { email = $"w-{Guid.NewGuid():N}@test.local", displayName = "Weak", password = "short", roles = new[] { Roles.Reviewer } });

        Assert.Equal(HttpStatusCode.Created, coach.StatusCode);
        Assert.NotNull(coach.Headers.Location);
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.True((await admin.ProblemAsync()).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.ProblemAsync()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Given_five_wrong_passwords_When_signing_in_Then_the_account_is_locked()
    {
        var email = $"locked-{Guid.NewGuid():N}@test.local";
        var admin = await _factory.AdminClientAsync();
        (await admin.PostAsJsonAsync("/api/users", new { email, displayName = "L", password = "Right-Password-1", roles = new[] { Roles.Coach } })).EnsureSuccessStatusCode();
        var client = _factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Password-1" })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Right-Password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }
}

public sealed class UsersPageTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public UsersPageTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_a_lead_When_creating_a_coach_on_the_team_page_Then_the_coach_signs_in_and_admin_roles_are_refused_to_leads()
    {
        var admin = await _factory.AdminClientAsync();
        var leadEmail = $"lead-{Guid.NewGuid():N}@test.local";
        await (await admin.PostAsJsonAsync("/api/users", new { email = leadEmail, displayName = "Responsable", password = "Lead-Password-1", roles = new[] { Roles.ProgramLead } })).EnsureSuccessAsync();
        var lead = new PageClient(_factory);
        await lead.SignInAsync(leadEmail, "Lead-Password-1");
        var coachEmail = $"coach-{Guid.NewGuid():N}@test.local";

        var created = await lead.SubmitAsync("/users", "/users", new Dictionary<string, string>
        {
            ["DisplayName"] = "Inès Coach", ["Email"] = coachEmail, ["Password"] = "Coach-Password-1", ["Role"] = Roles.Coach,
        });
        var refused = await lead.SubmitAsync("/users", "/users", new Dictionary<string, string>
        {
            ["DisplayName"] = "Intrus", ["Email"] = $"x-{Guid.NewGuid():N}@test.local", ["Password"] = "Admin-Password-1", ["Role"] = Roles.Admin,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Vous ne pouvez pas donner ce rôle", await PageClient.TextAsync(refused), StringComparison.Ordinal);
        var coach = await _factory.ClientForAsync(coachEmail, "Coach-Password-1");
        var me = await coach.GetFromJsonAsync<JsonElement>("/api/users/me");
        Assert.Equal(Roles.Coach, me.GetProperty("roles")[0].GetString());
    }
}
