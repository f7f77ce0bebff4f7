using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

public abstract class PrivacyTests
{
    private readonly IncubatorFactory _factory;

    protected PrivacyTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Application(Guid Id, string Status, string? ProjectName, string? Summary, List<TeamMemberResponse> Team, string? AttachmentName);

    private sealed record Log(List<JsonElement> Items);

    /// <summary>
    /// An applicant with a draft, an application rejected with its PDF, and one selected into an approved cohort
    /// (a second season), enrolled in a training day and with a private calendar link.
    /// </summary>
    private async Task<(HttpClient Applicant, string Email, Guid Draft, Guid Rejected, Guid Selected, HttpClient Lead)> ApplicantWithHistoryAsync()
    {
        var lead = await _factory.AdminClientAsync();
        var email = $"porteuse-{Guid.NewGuid():N}@test.local";
        await (await _factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Applicant-Password-1" })).EnsureSuccessAsync();
        var applicant = await _factory.ClientForAsync(email, "Applicant-Password-1");

        var first = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var created = await applicant.PostAsJsonAsync($"/api/seasons/{first.Id}/applications", ApplicationsApi.CompleteBody($"Ressourcerie de Crest n°{Random.Shared.Next(100_000)}"));
        var rejected = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await applicant.PutAsync($"/api/applications/{rejected}/attachment", Uploads.PdfUpload())).EnsureSuccessAsync();
        await (await applicant.PostAsync($"/api/applications/{rejected}/submit", null)).EnsureSuccessAsync();
        var draft = (await (await applicant.PostAsJsonAsync($"/api/seasons/{first.Id}/applications", new { projectName = "Idée en cours" })).Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var second = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var selected = await applicant.SubmitAsync(second.Id, "Café associatif de Saoû");
        foreach (var season in new[] { first.Id, second.Id })
        {
            await (await lead.PostAsync($"/api/seasons/{season}/close-applications", null)).EnsureSuccessAsync();
        }

        await (await lead.PostAsJsonAsync($"/api/applications/{rejected}/decision", new { decision = "reject", reason = "Projet trop proche d'une structure existante à Crest" })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{selected}/decision", new { decision = "select" })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:applications");
        await lead.ApproveCohortAsync(_factory, second.Id, [selected]);
        await _factory.RunJobAsync("outbox:applications");
        await _factory.RunJobAsync("outbox:trainings");
        await (await lead.PostAsJsonAsync($"/api/seasons/{second.Id}/trainings", new
        {
            title = "Gouvernance partagée", startsAt = "2027-04-01T09:30:00+02:00", endsAt = "2027-04-01T17:00:00+02:00", capacity = 20, mode = "Remote", remoteUrl = "https://visio.example.org/a",
        })).EnsureSuccessAsync();
        await (await applicant.GetAsync("/api/trainings/feed")).EnsureSuccessAsync();
        await _factory.RunJobAsync("mail:deliver");
        return (applicant, email, draft, rejected, selected, lead);
    }

    [Fact]
    public async Task Given_an_applicant_with_a_history_When_downloading_their_data_Then_one_JSON_holds_their_account_applications_trainings_and_mails_and_nobody_elses()
    {
        var (applicant, email, draft, rejected, selected, _) = await ApplicantWithHistoryAsync();
        var (other, _) = await _factory.ApplicantClientAsync();
        await other.SubmitAsync((await _factory.OpenSeasonAsync(await _factory.AdminClientAsync(), TimeSpan.FromDays(5))).Id, "Projet d'une autre personne");

        var response = await applicant.GetAsync("/api/users/me/data");

        await response.EnsureSuccessAsync();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;
        Assert.Equal(email, data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(new[] { rejected, draft, selected }.Order(), data.GetProperty("applications").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).Order());
        var rejectedOne = data.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == rejected);
        Assert.Equal("Projet trop proche d'une structure existante à Crest", rejectedOne.GetProperty("decisionReason").GetString());
        Assert.Equal("dossier.pdf", rejectedOne.GetProperty("attachmentName").GetString());
        Assert.Equal("Camille Martin", rejectedOne.GetProperty("team")[0].GetProperty("name").GetString());
        Assert.True(data.GetProperty("trainings").GetProperty("hasCalendarLink").GetBoolean());
        Assert.Equal("Gouvernance partagée", Assert.Single(data.GetProperty("trainings").GetProperty("sessions").EnumerateArray()).GetProperty("title").GetString());
        Assert.Contains(data.GetProperty("mails").EnumerateArray(), m => m.GetProperty("subject").GetString()!.StartsWith("Candidature reçue : Ressourcerie de Crest", StringComparison.Ordinal));
        Assert.DoesNotContain("Projet d'une autre personne", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/users/me/data")).StatusCode);
    }

    [Fact]
    public async Task Given_an_applicant_When_erasing_their_account_Then_applications_outside_the_cohort_are_anonymised_drafts_and_mails_deleted_and_the_cohorts_project_kept()
    {
        var (applicant, email, draft, rejected, selected, lead) = await ApplicantWithHistoryAsync();
        var rejectedName = (await applicant.GetFromJsonAsync<Application>($"/api/applications/{rejected}"))!.ProjectName!;
        var me = (await applicant.GetFromJsonAsync<IdResponse>("/api/users/me"))!.Id;
        var uploads = Path.Combine(_factory.DataDirectory, "uploads", "applications");
        var filesBefore = Directory.GetFiles(uploads).Length;

        var wrong = await applicant.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = "not-it" }) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ProblemAsync()).GetProperty("errors").TryGetProperty("password", out _));
        var (coach, _) = await _factory.UserClientAsync(Roles.Coach);
        var staff = await coach.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = "User-Password-1" }) });
        Assert.Equal(HttpStatusCode.Conflict, staff.StatusCode);

        var erased = await applicant.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { password = "Applicant-Password-1" }) });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Applicant-Password-1" })).StatusCode);
        var anonymised = (await lead.GetFromJsonAsync<Application>($"/api/applications/{rejected}"))!;
        Assert.Equal(("Rejected", "Candidature anonymisée", null, 0, null), (anonymised.Status, anonymised.ProjectName, anonymised.Summary, anonymised.Team.Count, anonymised.AttachmentName));
        Assert.Equal(filesBefore - 1, Directory.GetFiles(uploads).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/applications/{draft}")).StatusCode);
        var kept = (await lead.GetFromJsonAsync<Application>($"/api/applications/{selected}"))!;
        Assert.Equal(("Café associatif de Saoû", 1), (kept.ProjectName, kept.Team.Count));
        await _factory.RunJobAsync("outbox:applications");
        var audit = await lead.GetStringAsync("/api/audit");
        Assert.DoesNotContain(rejectedName, audit, StringComparison.Ordinal);
        Assert.Contains("Café associatif de Saoû", audit, StringComparison.Ordinal);
        // The host is shared by the class's tests, some of which erase other accounts: this account's erasure, once.
        Assert.Single((await lead.GetFromJsonAsync<Log>("/api/audit?kind=account.erased"))!.Items, i => i.GetProperty("subjectId").GetGuid() == me);

        using var scope = _factory.Services.CreateScope();
        var mails = scope.ServiceProvider.GetRequiredService<Incubator.Host.Mail.MailDb>();
        Assert.False(mails.OutgoingMails.Any(m => m.To == email));
    }

    [Fact]
    public async Task Given_rejected_applications_When_the_retention_job_runs_Then_those_decided_over_24_months_ago_are_anonymised_once()
    {
        using var factory = new IncubatorFactory(provider: _factory.Provider); // its own clock, moved two years on
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (applicant, _) = await factory.ApplicantClientAsync();
        var old = await applicant.SubmitAsync(season.Id, "Atelier vélo");
        var waitlisted = await applicant.SubmitAsync(season.Id, "Jardin partagé");
        var recent = await applicant.SubmitAsync(season.Id, "Recyclerie");
        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{old}/decision", new { decision = "reject" })).EnsureSuccessAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{waitlisted}/decision", new { decision = "waitlist" })).EnsureSuccessAsync();
        factory.Clock.Advance(TimeSpan.FromDays(60));
        lead = await factory.AdminClientAsync();
        await (await lead.PostAsJsonAsync($"/api/applications/{recent}/decision", new { decision = "reject" })).EnsureSuccessAsync();

        factory.Clock.Advance(TimeSpan.FromDays(2 * 365 - 30));
        lead = await factory.AdminClientAsync();
        await factory.RunJobAsync("applications:retention");
        await factory.RunJobAsync("applications:retention");

        async Task<string?> NameAsync(Guid id) => (await lead.GetFromJsonAsync<Application>($"/api/applications/{id}"))!.ProjectName;
        Assert.Equal("Candidature anonymisée", await NameAsync(old));
        Assert.Equal("Jardin partagé", await NameAsync(waitlisted));
        Assert.Equal("Recyclerie", await NameAsync(recent));
    }

    [Fact]
    public async Task Given_the_pages_When_an_applicant_reads_the_privacy_page_and_erases_their_account_with_a_form_Then_it_is_gone()
    {
        var visitor = new PageClient(_factory, "en-GB");
        var (status, html) = await visitor.GetAsync("/privacy");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("anonymised 24 months after the decision", html, StringComparison.Ordinal);

        var email = $"porteur-{Guid.NewGuid():N}@test.local";
        await (await _factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Applicant-Password-1" })).EnsureSuccessAsync();
        var pages = new PageClient(_factory);
        await pages.SignInAsync(email, "Applicant-Password-1");
        var refused = await pages.SubmitAsync("/account/data", "/account/delete", new Dictionary<string, string> { ["password"] = "wrong" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mot de passe incorrect.", await PageClient.TextAsync(refused), StringComparison.Ordinal);

        var done = await pages.SubmitAsync("/account/data", "/account/delete", new Dictionary<string, string> { ["password"] = "Applicant-Password-1" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Applicant-Password-1" })).StatusCode);
    }
}

public sealed class PrivacyTestsOnSqlite(HostFixture fixture) : PrivacyTests(fixture), IClassFixture<HostFixture>;

public sealed class PrivacyTestsOnPostgreSql(PostgreSqlHostFixture fixture) : PrivacyTests(fixture), IClassFixture<PostgreSqlHostFixture>;
