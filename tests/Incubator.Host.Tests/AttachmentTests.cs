using System.Net;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;

namespace Incubator.Host.Tests;

public sealed class AttachmentTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public AttachmentTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record AttachmentResponse(Guid Id, string? AttachmentName, long? AttachmentSize);

    private async Task<(HttpClient Applicant, Guid Id, Guid SeasonId)> DraftAsync()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        var (applicant, _) = await _factory.ApplicantClientAsync();
        var created = await applicant.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", ApplicationsApi.CompleteBody());
        return (applicant, (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id, season.Id);
    }

    [Fact]
    public async Task Given_a_real_PDF_with_a_hostile_name_When_uploading_Then_it_is_stored_under_a_server_name_and_only_its_owner_downloads_it()
    {
        var (applicant, id, _) = await DraftAsync();
        var (other, _) = await _factory.ApplicantClientAsync();

        var uploaded = await applicant.PutAsync($"/api/applications/{id}/attachment", Uploads.File(Uploads.Pdf, "../../etc/passwd.pdf"));

        await uploaded.EnsureSuccessAsync();
        var body = await uploaded.Content.ReadFromJsonAsync<AttachmentResponse>();
        Assert.Equal("passwd.pdf", body!.AttachmentName);
        Assert.Equal(Uploads.Pdf.Length, body.AttachmentSize);
        var stored = Directory.GetFiles(Path.Combine(_factory.DataDirectory, "uploads", "applications"));
        Assert.Contains(stored, f => Path.GetFileName(f).Length == 32 && File.ReadAllBytes(f).SequenceEqual(Uploads.Pdf));
        Assert.Equal(Uploads.Pdf, await applicant.GetByteArrayAsync($"/api/applications/{id}/attachment"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{id}/attachment")).StatusCode);
    }

    [Fact]
    public async Task Given_a_PNG_named_pdf_When_uploading_Then_400_on_file()
    {
        var (applicant, id, _) = await DraftAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var response = await applicant.PutAsync($"/api/applications/{id}/attachment", Uploads.File(png, "projet.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Given_a_PDF_over_10_MB_When_uploading_Then_413()
    {
        var (applicant, id, _) = await DraftAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        Uploads.Pdf.CopyTo(big, 0);

        var response = await applicant.PutAsync($"/api/applications/{id}/attachment", Uploads.File(big, "gros.pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var application = await applicant.GetFromJsonAsync<AttachmentResponse>($"/api/applications/{id}");
        Assert.Null(application!.AttachmentName);
    }

    [Fact]
    public async Task Given_a_submitted_application_with_its_PDF_When_a_reviewer_downloads_it_Then_only_after_declaring_no_conflict()
    {
        var (applicant, id, seasonId) = await DraftAsync();
        await (await applicant.PutAsync($"/api/applications/{id}/attachment", Uploads.File(Uploads.Pdf, "projet.pdf"))).EnsureSuccessAsync();
        await (await applicant.PostAsync($"/api/applications/{id}/submit", null)).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await applicant.PutAsync($"/api/applications/{id}/attachment", Uploads.File(Uploads.Pdf, "v2.pdf"))).StatusCode);
        var lead = await _factory.AdminClientAsync();
        var (reviewer, reviewerId) = await _factory.UserClientAsync(Roles.Reviewer);
        var rubric = await lead.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/seasons/{seasonId}/rubric");
        await (await lead.PutAsJsonAsync($"/api/seasons/{seasonId}/rubric", new { criteria = rubric.GetProperty("criteria"), reviewerUserIds = new[] { reviewerId } })).EnsureSuccessAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.GetAsync($"/api/applications/{id}/attachment")).StatusCode);
        await (await reviewer.PostAsJsonAsync($"/api/applications/{id}/conflict-declaration", new { conflictOfInterest = false })).EnsureSuccessAsync();

        Assert.Equal(Uploads.Pdf, await reviewer.GetByteArrayAsync($"/api/applications/{id}/attachment"));
        Assert.Equal(Uploads.Pdf, await lead.GetByteArrayAsync($"/api/applications/{id}/attachment"));
    }
}
