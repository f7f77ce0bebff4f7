using System.Net;
using System.Net.Http.Json;
using Incubator.Applications.Contracts;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class TrainingsPagesTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public TrainingsPagesTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Fact]
    public async Task Given_a_lead_in_the_pages_When_adding_a_venue_planning_a_series_and_filling_a_sheet_Then_the_calendar_and_the_participants_page_show_it()
    {
        var admin = await _factory.AdminClientAsync();
        var season = await admin.SeasonInSelectionAsync(_factory, capacity: 6);
        var email = $"porteuse-{Guid.NewGuid():N}@test.local";
        (await _factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Applicant-Password-1" })).EnsureSuccessStatusCode();
        var applicantId = (await (await _factory.ClientForAsync(email, "Applicant-Password-1")).GetFromJsonAsync<IdResponse>("/api/users/me"))!.Id;
        var project = await _factory.DecideAsync(season.Id, ApplicationDecision.Selected, "Épicerie itinérante", applicantUserId: applicantId);
        await admin.ApproveCohortAsync(_factory, season.Id, [project]);

        var lead = new PageClient(_factory);
        await lead.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var missingTown = await lead.SubmitAsync("/trainings/venues", "/trainings/venues", new Dictionary<string, string> { ["Venue.Name"] = "La Fabrique" });
        Assert.Contains("id=\"Venue_Town-error\"", await PageClient.TextAsync(missingTown), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync("/trainings/venues", "/trainings/venues", new Dictionary<string, string>
        {
            ["Venue.Name"] = "La Fabrique", ["Venue.Town"] = "Die", ["Venue.AccessibilityNotes"] = "Plain-pied, gare à 5 minutes",
        })).StatusCode);
        var (_, lists) = await lead.GetAsync("/trainings/venues");
        Assert.Contains("Le lieu est ajouté.", lists, StringComparison.Ordinal);
        var venueId = (await admin.GetFromJsonAsync<List<IdResponse>>("/api/venues"))!.Single().Id;

        var calendarUrl = $"/trainings/seasons/{season.Id}";
        var (_, empty) = await lead.GetAsync(calendarUrl);
        Assert.Contains("Aucune session planifiée", empty, StringComparison.Ordinal);
        var tooMany = await lead.SubmitAsync(calendarUrl, calendarUrl + "/series", new Dictionary<string, string>
        {
            ["Title"] = "Journée collective", ["Date"] = "2027-03-04", ["StartTime"] = "09:30", ["EndTime"] = "17:00",
            ["Mode"] = "InPerson", ["VenueId"] = venueId.ToString(), ["Capacity"] = "12", ["Count"] = "20", ["SkipAugust"] = "true",
        });
        Assert.Contains("id=\"Count-error\">La session doit avoir lieu pendant la saison", await PageClient.TextAsync(tooMany), StringComparison.Ordinal);
        var planned = await lead.SubmitAsync(calendarUrl, calendarUrl + "/series", new Dictionary<string, string>
        {
            ["Title"] = "Journée collective", ["Date"] = "2027-03-04", ["StartTime"] = "09:30", ["EndTime"] = "17:00",
            ["Mode"] = "InPerson", ["VenueId"] = venueId.ToString(), ["Capacity"] = "12", ["Count"] = "6", ["SkipAugust"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var (_, calendar) = await lead.GetAsync(calendarUrl);
        Assert.Contains("6 sessions mensuelles sont planifiées.", calendar, StringComparison.Ordinal);
        Assert.Contains("jeudi 4 mars 2027, 09h30–17h00", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("août 2027", calendar, StringComparison.Ordinal);
        Assert.Contains("septembre 2027", calendar, StringComparison.Ordinal);

        var sessionId = System.Text.RegularExpressions.Regex.Match(calendar, "href=\"/trainings/([0-9a-f-]{36})\"").Groups[1].Value;
        var sessionUrl = $"/trainings/{sessionId}";
        var (_, session) = await lead.GetAsync(sessionUrl);
        Assert.Contains("Feuille d'émargement", session, StringComparison.Ordinal);
        Assert.Contains("Plain-pied, gare à 5 minutes", session, StringComparison.Ordinal);
        var saved = await lead.SubmitAsync(sessionUrl, sessionUrl + "/attendance", new Dictionary<string, string>
        {
            ["rows[0].ProjectId"] = project.ToString(), ["rows[0].ParticipantName"] = "Inès Porteuse", ["rows[0].Status"] = "Present", ["rows[0].Hours"] = "",
            ["rows[1].ProjectId"] = project.ToString(), ["rows[1].ParticipantName"] = "Yann Associé", ["rows[1].Status"] = "Remote", ["rows[1].Hours"] = "3",
            ["rows[2].ProjectId"] = project.ToString(), ["rows[2].ParticipantName"] = "", ["rows[2].Status"] = "Present",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, sheet) = await lead.GetAsync(sessionUrl);
        Assert.Contains("La feuille de présence est enregistrée.", sheet, StringComparison.Ordinal);
        Assert.Contains("100 %", sheet, StringComparison.Ordinal);
        Assert.Contains("10,5 h", sheet, StringComparison.Ordinal);

        var participant = new PageClient(_factory);
        await participant.SignInAsync(email, "Applicant-Password-1");
        var (_, mine) = await participant.GetAsync("/trainings/mine");
        Assert.Contains("Journée collective", mine, StringComparison.Ordinal);
        Assert.Contains("Présent·e", mine, StringComparison.Ordinal);
        Assert.Contains("/calendar/", mine, StringComparison.Ordinal);
        var (status, denied) = await participant.GetAsync(sessionUrl);
        Assert.DoesNotContain("Inès Porteuse", denied, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, status);
    }
}
