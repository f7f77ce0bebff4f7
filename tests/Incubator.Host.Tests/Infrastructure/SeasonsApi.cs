using System.Net.Http.Json;
using System.Text.Json;
using Incubator.Applications.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests.Infrastructure;

public sealed record SeasonResponse(Guid Id, Guid ProgramId, string Name, string Status, DateOnly StartsOn, DateOnly EndsOn,
    DateTimeOffset ApplicationsOpenAt, DateTimeOffset ApplicationsCloseAt, int? Capacity);

public sealed record CohortResponse(string Status, int? Capacity, List<CohortMemberResponse> Members, DateTimeOffset? ApprovedAt, Guid? ApprovedBy);

public sealed record CohortMemberResponse(Guid ApplicationId, string ProjectName);

/// <summary>The few calls most tests need, written once.</summary>
public static class SeasonsApi
{
    public static async Task<Guid> CreateProgramAsync(this HttpClient lead)
    {
        var response = await lead.PostAsJsonAsync("/api/programs", new { name = "Accompagnement Drôme-Ardèche", territory = "Drôme, Ardèche", partnerStructures = new[] { "Incubateur", "CAE" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdResponse>())!.Id;
    }

    public static async Task<SeasonResponse> CreateSeasonAsync(this HttpClient lead, DateTimeOffset opensAt, DateTimeOffset closesAt, int? capacity = 6)
    {
        var programId = await lead.CreateProgramAsync();
        var response = await lead.PostAsJsonAsync("/api/seasons", new
        {
            programId,
            name = "Saison 2027",
            startsOn = "2027-03-01",
            applicationsOpenAt = opensAt,
            applicationsCloseAt = closesAt,
            capacity,
        });
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<SeasonResponse>())!;
    }

    /// <summary>A season whose call has been opened and closed: ready for cohort composition.</summary>
    public static async Task<SeasonResponse> SeasonInSelectionAsync(this HttpClient lead, IncubatorFactory factory, int? capacity = 6)
    {
        var now = factory.Clock.GetUtcNow();
        var season = await lead.CreateSeasonAsync(now.AddDays(-1), now.AddDays(30), capacity);
        await EnsureSuccessAsync(await lead.PostAsync($"/api/seasons/{season.Id}/open-applications", null));
        await EnsureSuccessAsync(await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null));
        return season;
    }

    /// <summary>What the Applications module publishes when a lead decides, delivered as the outbox would.</summary>
    public static async Task<Guid> DecideAsync(this IncubatorFactory factory, Guid seasonId, ApplicationDecision decision, string projectName = "Garage solidaire", string department = "26", Guid? applicantUserId = null)
    {
        var id = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(
            new ApplicationDecided(id, seasonId, applicantUserId ?? Guid.NewGuid(), projectName, department, decision, null, factory.Clock.GetUtcNow()) { OccurredAt = factory.Clock.GetUtcNow() });
        return id;
    }

    /// <summary>A lead proposes and approves the cohort, and the Seasons outbox delivers <c>CohortApproved</c>.</summary>
    public static async Task ApproveCohortAsync(this HttpClient lead, IncubatorFactory factory, Guid seasonId, IEnumerable<Guid> projects)
    {
        await EnsureSuccessAsync(await lead.PutAsJsonAsync($"/api/seasons/{seasonId}/cohort", new { applicationIds = projects.ToList() }));
        await EnsureSuccessAsync(await lead.PostAsync($"/api/seasons/{seasonId}/cohort/approve", null));
        await factory.RunJobAsync("outbox:seasons");
    }

    /// <summary>Like EnsureSuccessStatusCode, with the problem details in the failure message.</summary>
    public static async Task EnsureSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
