using System.Net;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

/// <summary>Two people editing the same thing: the second save, made on what the first changed, is refused, never applied over it.</summary>
public abstract class ConcurrencyTests
{
    private readonly IncubatorFactory _factory;

    protected ConcurrencyTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Program(Guid Id, string Name, string Territory, Guid Version);

    private static object Body(string name) => new { name, territory = "Drôme, Ardèche", partnerStructures = new[] { "CAE" } };

    [Fact]
    public async Task Given_two_leads_who_read_the_same_program_When_both_save_with_If_Match_Then_the_second_gets_409_and_the_first_change_stays()
    {
        var first = await _factory.AdminClientAsync();
        var (second, _) = await _factory.UserClientAsync(Roles.ProgramLead);
        var id = await first.CreateProgramAsync();
        var read = await first.GetAsync($"/api/programs/{id}");
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal($"\"{(await read.Content.ReadFromJsonAsync<Program>())!.Version}\"", etag);

        var firstSave = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{id}") { Content = JsonContent.Create(Body("Accompagnement Drôme")) };
        firstSave.Headers.IfMatch.ParseAdd(etag);
        var saved = await first.SendAsync(firstSave);
        await saved.EnsureSuccessAsync();
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);

        var secondSave = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{id}") { Content = JsonContent.Create(Body("Accompagnement Ardèche")) };
        secondSave.Headers.IfMatch.ParseAdd(etag);
        var refused = await second.SendAsync(secondSave);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("meanwhile", (await refused.ProblemAsync()).GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Accompagnement Drôme", (await second.GetFromJsonAsync<Program>($"/api/programs/{id}"))!.Name);

        var malformed = new HttpRequestMessage(HttpMethod.Put, $"/api/programs/{id}") { Content = JsonContent.Create(Body("x")) };
        malformed.Headers.TryAddWithoutValidation("If-Match", "\"version-7\"");
        var bad = await second.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("If-Match", out _));
        // Without If-Match the API keeps its last-writer-wins behaviour for simple clients.
        await (await second.PutAsJsonAsync($"/api/programs/{id}", Body("Accompagnement Drôme-Ardèche"))).EnsureSuccessAsync();
    }

    [Fact]
    public async Task Given_two_leads_on_the_same_season_edit_page_When_both_save_Then_the_second_sees_why_nothing_was_saved()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await admin.CreateSeasonAsync(_factory.Clock.GetUtcNow().AddDays(10), _factory.Clock.GetUtcNow().AddDays(40));
        var (email, _) = await _factory.AccountAsync(admin, Roles.ProgramLead, "Responsable 2", "Lead-Password-1");
        var one = new PageClient(_factory);
        await one.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var two = new PageClient(_factory);
        await two.SignInAsync(email, "Lead-Password-1");
        var (_, oneHtml) = await one.GetAsync($"/seasons/{season.Id}/edit");
        var (_, twoHtml) = await two.GetAsync($"/seasons/{season.Id}/edit");
        Dictionary<string, string> Fields(string html, string name) => new()
        {
            ["__version"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"__version\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Name"] = name,
            ["StartsOn"] = "2027-03-01",
            ["ApplicationsOpenAt"] = "2026-12-05T09:00",
            ["ApplicationsCloseAt"] = "2027-01-04T12:00",
            ["Capacity"] = "6",
        };

        var saved = await one.SubmitAsync($"/seasons/{season.Id}/edit", $"/seasons/{season.Id}/edit", Fields(oneHtml, "Saison 2027 — Drôme"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await two.SubmitAsync($"/seasons/{season.Id}/edit", $"/seasons/{season.Id}/edit", Fields(twoHtml, "Saison 2027 — Ardèche"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Quelqu'un d'autre a modifié cet élément entre-temps", await PageClient.TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal("Saison 2027 — Drôme", (await admin.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{season.Id}"))!.Name);
    }
}

public sealed class ConcurrencyTestsOnSqlite(HostFixture fixture) : ConcurrencyTests(fixture), IClassFixture<HostFixture>;

public sealed class ConcurrencyTestsOnPostgreSql(PostgreSqlHostFixture fixture) : ConcurrencyTests(fixture), IClassFixture<PostgreSqlHostFixture>;
