using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Funding.Features;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>Every team member is a participant (issue 25): invited by the holder, joined with an account, reminded, on the sheet by name.</summary>
public abstract class TeamMembersTests(DatabaseProvider provider)
{
    private sealed record Member(Guid Id, string Name, string Email, bool Joined);

    private sealed record Team(Guid ProjectId, bool IsHolder, List<Member> Members, List<JsonElement> NotYetInvited);

    private sealed record Mine(Guid Id, Guid ProjectId);

    private static async Task<List<OutgoingMail>> MailsAsync(IncubatorFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private static string TokenOf(OutgoingMail mail)
    {
        var start = mail.TextBody.IndexOf("/projects/join/", StringComparison.Ordinal) + "/projects/join/".Length;
        return mail.TextBody[start..].Split('\n', '\r', ' ')[0].Trim();
    }

    /// <summary>The invited person creates their account with the invited address and opens the link.</summary>
    private static async Task<HttpClient> JoinAsync(IncubatorFactory factory, string email)
    {
        await factory.RunJobAsync("outbox:applications");
        var token = TokenOf((await MailsAsync(factory, email)).Last(m => m.Subject.StartsWith("Rejoignez", StringComparison.Ordinal)));
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Member-Password-1" })).EnsureSuccessStatusCode();
        var member = await factory.ClientForAsync(email, "Member-Password-1");
        await (await member.PostAsync($"/api/projects/join/{token}", null)).EnsureSuccessAsync();
        await (await member.PostAsync($"/api/projects/join/{token}", null)).EnsureSuccessAsync(); // again: no change
        return member;
    }

    [Fact]
    public async Task Given_a_project_of_the_cohort_When_its_holder_invites_the_team_Then_each_member_sees_its_trainings_is_reminded_once_and_counts_by_name_until_removed_or_erased()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(10));
        var (holder, _) = await factory.ApplicantClientAsync();
        var holderEmail = (await holder.GetFromJsonAsync<JsonElement>("/api/users/me")).GetProperty("email").GetString()!;
        var projectId = await holder.SubmitAsync(season.Id, "Garage solidaire");
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{projectId}/decision", new { decision = "select" })).EnsureSuccessAsync();
        var (basile, chloe) = ($"basile-{Guid.NewGuid():N}@test.local", $"chloe-{Guid.NewGuid():N}@test.local");
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsJsonAsync($"/api/applications/{projectId}/members", new { name = "Basile", email = basile })).StatusCode);

        await factory.RunJobAsync("outbox:applications");
        await lead.ApproveCohortAsync(factory, season.Id, [projectId]);
        var team = (await holder.GetFromJsonAsync<Team>($"/api/applications/{projectId}/members"))!;
        Assert.Equal("camille@example.org", Assert.Single(team.NotYetInvited).GetProperty("email").GetString()); // from the application's team
        var bad = await holder.PostAsJsonAsync($"/api/applications/{projectId}/members", new { name = "", email = "pas-une-adresse" });
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("email", out _));
        foreach (var (name, email) in new[] { ("Basile", basile), ("Chloé", chloe) })
        {
            await (await holder.PostAsJsonAsync($"/api/applications/{projectId}/members", new { name, email })).EnsureSuccessAsync();
        }

        var (outsider, _) = await factory.ApplicantClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/applications/{projectId}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/{projectId}/members", new { name = "Intrus", email = "intrus@test.local" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync("/api/projects/join/0123456789abcdef0123456789abcdef", null)).StatusCode);
        await factory.RunJobAsync("outbox:applications");
        var forwarded = TokenOf((await MailsAsync(factory, basile)).Last());
        Assert.Equal(HttpStatusCode.Conflict, (await outsider.PostAsync($"/api/projects/join/{forwarded}", null)).StatusCode); // a forwarded link
        var basileClient = await JoinAsync(factory, basile);
        var chloeClient = await JoinAsync(factory, chloe);
        Assert.Equal(HttpStatusCode.Conflict, (await outsider.PostAsync($"/api/projects/join/{TokenOf((await MailsAsync(factory, basile))[0])}", null)).StatusCode);
        Assert.All((await holder.GetFromJsonAsync<Team>($"/api/applications/{projectId}/members"))!.Members, m => Assert.True(m.Joined));

        // The season's trainings: each member sees them, gets one reminder the day before, and is on the sheet by name.
        var series = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", TrainingsApiTests.Series(count: 2));
        var sessions = (await series.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(e => e.GetGuid()).ToList();
        foreach (var client in new[] { holder, basileClient, chloeClient })
        {
            Assert.Equal(2, (await client.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!.Count);
        }

        Assert.Equal(HttpStatusCode.OK, (await basileClient.GetAsync($"/api/coaching/projects/{projectId}")).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!);
        var first = (await lead.GetFromJsonAsync<JsonElement>($"/api/trainings/{sessions[0]}")).GetProperty("startsAt").GetDateTimeOffset();
        factory.Clock.SetUtcNow(first.AddHours(-20));
        await Task.WhenAll(factory.RunJobAsync("trainings:reminders"), factory.RunJobAsync("trainings:reminders"));
        await Task.WhenAll(factory.RunJobAsync("outbox:trainings"), factory.RunJobAsync("outbox:trainings"));
        foreach (var email in new[] { basile, chloe })
        {
            Assert.Single(await MailsAsync(factory, email), m => m.Subject.StartsWith("Formation demain", StringComparison.Ordinal));
        }

        factory.Clock.SetUtcNow(first.AddHours(8));
        lead = await factory.AdminClientAsync();
        await (await lead.PutAsJsonAsync($"/api/trainings/{sessions[0]}/attendance", new object[]
        {
            new { projectId, participantName = "Applicant test", status = "Present" },
            new { projectId, participantName = "Basile", status = "Present" },
            new { projectId, participantName = "Chloé", status = "Absent" },
        })).EnsureSuccessAsync();
        await factory.RunJobAsync("outbox:trainings");
        var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!;
        Assert.Equal((1, 2), (report.ProjectsAccompanied, report.PeopleTrained));

        // The holder removes Basile: he sees nothing more of the project. Chloé erases her account: the project stays.
        basileClient = await factory.ClientForAsync(basile, "Member-Password-1");
        holder = await factory.ClientForAsync(holderEmail, "Applicant-Password-1"); // signed in again: the clock moved past the token's life
        var basileId = (await holder.GetFromJsonAsync<Team>($"/api/applications/{projectId}/members"))!.Members.Single(m => m.Email == basile).Id;
        await (await holder.DeleteAsync($"/api/applications/{projectId}/members/{basileId}")).EnsureSuccessAsync();
        Assert.Empty((await basileClient.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await basileClient.GetAsync($"/api/coaching/projects/{projectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await basileClient.GetAsync($"/api/applications/{projectId}/members")).StatusCode);

        chloeClient = await factory.ClientForAsync(chloe, "Member-Password-1");
        var export = await chloeClient.GetFromJsonAsync<JsonElement>("/api/users/me/data");
        Assert.Equal(projectId, export.GetProperty("projectMemberships")[0].GetProperty("projectId").GetGuid());
        using (var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = "Member-Password-1" }) })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await chloeClient.SendAsync(erase)).StatusCode);
        }

        var left = (await holder.GetFromJsonAsync<Team>($"/api/applications/{projectId}/members"))!;
        Assert.Empty(left.Members);
        Assert.Equal(2, (await holder.GetFromJsonAsync<List<Mine>>("/api/trainings/mine"))!.Count);
        Assert.Equal(1, (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!.ProjectsAccompanied);
    }
}

public sealed class TeamMembersTestsOnSqlite() : TeamMembersTests(DatabaseProvider.Sqlite);

public sealed class TeamMembersTestsOnPostgreSql() : TeamMembersTests(DatabaseProvider.PostgreSql);
