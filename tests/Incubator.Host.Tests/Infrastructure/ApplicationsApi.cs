using System.Net.Http.Json;

namespace Incubator.Host.Tests.Infrastructure;

public sealed record ApplicationResponse(Guid Id, string Status, DateTimeOffset? SubmittedAt, Dictionary<string, string[]> MissingAnswers, List<TeamMemberResponse> Team);

public sealed record TeamMemberResponse(string? Name, string? Role, string? Email);

public static class ApplicationsApi
{
    public static object CompleteBody(string projectName = "Garage solidaire du Diois", string department = "26") => new
    {
        projectName,
        summary = "Un garage associatif où chacun apprend à réparer sa voiture.",
        socialNeed = "La mobilité en zone rurale pour les personnes aux revenus modestes.",
        commune = "Die",
        departmentCode = department,
        collectiveDimension = "Une association de 40 adhérents, des bénévoles mécaniciens.",
        economicModel = "Adhésions, prestations à prix solidaire, subventions de démarrage.",
        team = new[] { new { name = "Camille Martin", role = "Coordinatrice", email = "camille@example.org" } },
    };

    public static async Task<SeasonResponse> OpenSeasonAsync(this IncubatorFactory factory, HttpClient lead, TimeSpan closesIn)
    {
        var now = factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now + closesIn);
        await (await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null)).EnsureSuccessAsync();
        return season;
    }

    /// <summary>An applicant drafts and submits a complete application.</summary>
    public static async Task<Guid> SubmitAsync(this HttpClient applicant, Guid seasonId, string projectName = "Garage solidaire du Diois", string department = "26")
    {
        var created = await applicant.PostAsJsonAsync($"/api/seasons/{seasonId}/applications", CompleteBody(projectName, department));
        await created.EnsureSuccessAsync();
        var id = (await created.Content.ReadFromJsonAsync<ApplicationResponse>())!.Id;
        await (await applicant.PostAsync($"/api/applications/{id}/submit", null)).EnsureSuccessAsync();
        return id;
    }
}
