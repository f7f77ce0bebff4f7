using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ical.Net;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>Jury interviews of a season's selection (issue 25): slots, jury, invitations, the applicant's answer, notes beside the scores.</summary>
public abstract class InterviewsTests(DatabaseProvider provider)
{
    private sealed record Slot(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? RemoteUrl, Guid? ApplicationId, string? ProjectName, string? InterviewStatus);

    private sealed record Note(Guid JuryUserId, string JuryName, string State, string? Notes, string? Recommendation);

    private sealed record Interview(Guid Id, Guid ApplicationId, string Status, string? Message, Slot? Slot, List<Slot> FreeSlots, Note? MyNote, List<Note> Notes,
        ApplicationResponse? Application, bool MayWriteNotes);

    private sealed record Tally(int Select, int Waitlist, int Reject);

    private sealed record BoardRow(Guid Id, string Status, string? InterviewStatus, DateTimeOffset? InterviewAt, Tally? Jury);

    private sealed record Board(List<BoardRow> Items);

    private sealed record Person(HttpClient Client, Guid UserId, Guid ApplicationId, string Email);

    private static async Task<(HttpClient Lead, SeasonResponse Season, Person[] Applicants)> ShortlistedAsync(IncubatorFactory factory, int count)
    {
        var lead = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(lead, TimeSpan.FromDays(10));
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var (client, id) = await factory.ApplicantClientAsync();
            var application = await client.SubmitAsync(season.Id, $"Projet {i + 1}");
            var email = (await client.GetFromJsonAsync<JsonElement>("/api/users/me")).GetProperty("email").GetString()!;
            people.Add(new Person(client, id, application, email));
        }

        await (await lead.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        foreach (var person in people)
        {
            await (await lead.PostAsJsonAsync($"/api/applications/{person.ApplicationId}/decision", new { decision = "shortlist" })).EnsureSuccessAsync();
        }

        return (lead, season, people.ToArray());
    }

    private static async Task<Slot> OpenSlotAsync(HttpClient lead, IncubatorFactory factory, Guid seasonId, int inDays, string? place = "Pôle ESS, Valence")
    {
        var response = await lead.PostAsJsonAsync($"/api/seasons/{seasonId}/interview-slots", new
        {
            startsAt = factory.Clock.GetUtcNow().AddDays(inDays), durationMinutes = 30, place, remoteUrl = "https://visio.example.org/jury",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Slot>())!;
    }

    private static async Task<List<OutgoingMail>> MailsAsync(IncubatorFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private static async Task DeliverAsync(IncubatorFactory factory)
    {
        await Task.WhenAll(factory.RunJobAsync("outbox:applications"), factory.RunJobAsync("outbox:applications"));
        await factory.RunJobAsync("outbox:applications");
    }

    private static CalendarEventView Event(OutgoingMail mail)
    {
        var e = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(mail.AttachmentContent!))!.Events);
        return new CalendarEventView(e.Uid!, e.Sequence, e.Status ?? string.Empty, e.Start!.AsUtc);
    }

    private sealed record CalendarEventView(string Uid, int Sequence, string Status, DateTime StartsUtc);

    [Fact]
    public async Task Given_shortlisted_applications_When_invited_they_confirm_choose_or_give_back_a_slot_and_the_jury_writes_Then_the_board_shows_it_and_each_mail_goes_once()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, season, people) = await ShortlistedAsync(factory, 2);
        var (ana, basile) = (people[0], people[1]);
        var slots = new List<Slot>();
        foreach (var day in new[] { 3, 4, 5 })
        {
            slots.Add(await OpenSlotAsync(lead, factory, season.Id, day));
        }

        // Bad input: the field at fault, nothing saved.
        var past = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/interview-slots", new { startsAt = factory.Clock.GetUtcNow().AddHours(-1), durationMinutes = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var errors = (await past.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("startsAt", out _) && errors.TryGetProperty("durationMinutes", out _) && errors.TryGetProperty("place", out _));
        Assert.Equal(3, (await lead.GetFromJsonAsync<List<Slot>>($"/api/seasons/{season.Id}/interview-slots"))!.Count);

        // The jury: a committee member with an account, a reviewer who recused herself, and a partner named without one.
        var (juror, jurorId) = await factory.UserClientAsync(Roles.Reviewer);
        var (recused, recusedId) = await factory.UserClientAsync(Roles.Reviewer);
        var criteria = (await lead.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/rubric")).GetProperty("criteria");
        await (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new { criteria, reviewerUserIds = new[] { recusedId }, blindReview = true })).EnsureSuccessAsync();
        await (await recused.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/conflict-declaration", new { conflictOfInterest = true })).EnsureSuccessAsync();
        var jury = await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/interview-jury", new
        {
            members = new object[]
            {
                new { name = "Rémi Juré", userId = jurorId },
                new { name = "Sophie Relectrice", userId = recusedId },
                new { name = "Nadia Benali", organisation = "France Active Drôme-Ardèche" },
            },
        });
        await jury.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PutAsJsonAsync($"/api/seasons/{season.Id}/interview-jury", new { members = new[] { new { name = "" } } })).StatusCode);
        Assert.Equal(3, (await lead.GetFromJsonAsync<List<JsonElement>>($"/api/seasons/{season.Id}/interview-jury"))!.Count);

        // Ana is invited to the first slot; Basile to choose.
        var invited = await lead.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview", new { slotId = slots[0].Id });
        await invited.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/applications/{basile.ApplicationId}/interview", new { slotId = slots[0].Id })).StatusCode);
        await (await lead.PostAsJsonAsync($"/api/applications/{basile.ApplicationId}/interview", new { })).EnsureSuccessAsync();
        var toBasile = (await basile.Client.GetFromJsonAsync<Interview>($"/api/applications/{basile.ApplicationId}/interview"))!;
        Assert.Equal(("Choosing", 2), (toBasile.Status, toBasile.FreeSlots.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Client.GetAsync($"/api/applications/{basile.ApplicationId}/interview")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await basile.Client.PostAsync($"/api/applications/{basile.ApplicationId}/interview/confirm", null)).StatusCode);
        var chose = await basile.Client.PostAsJsonAsync($"/api/applications/{basile.ApplicationId}/interview/choose", new { slotId = slots[1].Id });
        await chose.EnsureSuccessAsync();
        var taken = (await chose.Content.ReadFromJsonAsync<Interview>())!;
        Assert.Equal(("Confirmed", slots[1].Id), (taken.Status, taken.Slot!.Id));

        // Ana cannot come: she gives the slot back with a word, then takes the third one.
        var givenBack = await ana.Client.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/reschedule", new { message = "Je travaille ce jour-là." });
        var choosing = (await givenBack.Content.ReadFromJsonAsync<Interview>())!;
        Assert.Equal(("Choosing", "Je travaille ce jour-là."), (choosing.Status, choosing.Message));
        Assert.Equal([slots[0].Id, slots[2].Id], choosing.FreeSlots.Select(s => s.Id));
        await (await ana.Client.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/choose", new { slotId = slots[2].Id })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await ana.Client.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/choose", new { slotId = slots[0].Id })).StatusCode);

        // Each mail once, whatever the reruns; the invitations keep one UID and follow the changes.
        await DeliverAsync(factory);
        var toAna = await MailsAsync(factory, ana.Email);
        Assert.Equal(["Entretien avec le jury", "Créneau libéré", "Entretien confirmé"], toAna.Where(m => !m.Subject.StartsWith("Candidature", StringComparison.Ordinal)
            && !m.Subject.StartsWith("Votre candidature", StringComparison.Ordinal)).Select(m => m.Subject.Split(" :")[0]));
        var calendar = toAna.Where(m => m.AttachmentContent is not null).Select(Event).ToList();
        Assert.Single(calendar.Select(e => e.Uid).Distinct());
        Assert.Equal([(0, "CONFIRMED"), (1, "CANCELLED"), (2, "CONFIRMED")], calendar.Select(e => (e.Sequence, e.Status)));
        Assert.Equal(slots[2].StartsAt.UtcDateTime, calendar[2].StartsUtc);
        var toLead = Assert.Single(await MailsAsync(factory, IncubatorFactory.AdminEmail), m => m.Subject.StartsWith("Créneau d'entretien libéré", StringComparison.Ordinal));
        Assert.Contains("Je travaille ce jour-là.", toLead.TextBody, StringComparison.Ordinal);
        var toBasileMails = (await MailsAsync(factory, basile.Email)).Select(m => m.Subject.Split(" :")[0]).ToList();
        Assert.Equal(1, toBasileMails.Count(s => s == "Choisissez votre entretien avec le jury"));
        Assert.Equal(1, toBasileMails.Count(s => s == "Entretien confirmé"));

        // The jury: nothing to read before declaring; blind content after; a reviewer's recusal stands.
        var before = (await juror.GetFromJsonAsync<Interview>($"/api/applications/{ana.ApplicationId}/interview"))!;
        Assert.Null(before.Application);
        Assert.Null(before.Message);
        Assert.Equal(HttpStatusCode.Conflict, (await juror.PutAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/notes", new { recommendation = "Select" })).StatusCode);
        var declared = await juror.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/declaration", new { conflictOfInterest = false });
        var read = (await declared.Content.ReadFromJsonAsync<Interview>())!;
        Assert.Equal("Membre 1", Assert.Single(read.Application!.Team).Name);
        var bad = await juror.PutAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/notes", new { recommendation = "Maybe" });
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("recommendation", out _));
        await (await juror.PutAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/notes", new { notes = "Une équipe solide, un modèle à préciser.", recommendation = "Select" })).EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await recused.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/declaration", new { conflictOfInterest = false })).StatusCode);
        await (await recused.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/declaration", new { conflictOfInterest = true })).EnsureSuccessAsync();
        var (outsider, _) = await factory.UserClientAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/applications/{ana.ApplicationId}/interview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/{ana.ApplicationId}/interview/declaration", new { conflictOfInterest = false })).StatusCode);

        // The lead reads every note; the applicant none; the board shows the interview beside the scores.
        var seen = (await lead.GetFromJsonAsync<Interview>($"/api/applications/{ana.ApplicationId}/interview"))!;
        Assert.Equal([("Rémi Juré", "Written", "Select"), ("Sophie Relectrice", "Recused", null)], seen.Notes.Select(n => (n.JuryName, n.State, n.Recommendation)));
        Assert.Empty((await ana.Client.GetFromJsonAsync<Interview>($"/api/applications/{ana.ApplicationId}/interview"))!.Notes);
        var board = (await lead.GetFromJsonAsync<Board>($"/api/seasons/{season.Id}/applications"))!;
        var anaRow = board.Items.Single(r => r.Id == ana.ApplicationId);
        Assert.Equal(("Confirmed", slots[2].StartsAt, new Tally(1, 0, 0)), (anaRow.InterviewStatus, anaRow.InterviewAt, anaRow.Jury));
        Assert.Null(board.Items.Single(r => r.Id == basile.ApplicationId).Jury);
        Assert.Contains("1/0/0", await lead.GetStringAsync($"/api/seasons/{season.Id}/applications.csv"), StringComparison.Ordinal);
        await Task.WhenAll(factory.RunJobAsync("outbox:applications"), factory.RunJobAsync("outbox:applications"));
        var funnel = (await lead.GetFromJsonAsync<Incubator.Funding.Features.FunderReportDto>($"/api/seasons/{season.Id}/funder-report"))!.Funnel!;
        Assert.Equal((2, 2, 1), (funnel.ApplicationsSubmitted, funnel.Shortlisted, funnel.Interviewed));

        // A held slot stays; a free one goes.
        Assert.Equal(HttpStatusCode.Conflict, (await lead.DeleteAsync($"/api/interview-slots/{slots[2].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/interview-slots/{slots[0].Id}")).StatusCode);
        Assert.Equal(2, (await juror.GetFromJsonAsync<List<Slot>>($"/api/seasons/{season.Id}/interview-slots"))!.Count);
    }

    [Fact]
    public async Task Given_the_last_free_slot_When_one_applicant_is_held_between_reading_it_free_and_saving_while_another_takes_it_Then_the_held_one_gets_409_and_the_slot_holds_one()
    {
        var holds = new Holds();
        using var factory = new IncubatorFactory(provider: provider, configure: s => s.AddSingleton<IInterceptor>(holds));
        var (lead, season, people) = await ShortlistedAsync(factory, 2);
        var slot = await OpenSlotAsync(lead, factory, season.Id, 3);
        foreach (var person in people)
        {
            await (await lead.PostAsJsonAsync($"/api/applications/{person.ApplicationId}/interview", new { })).EnsureSuccessAsync();
        }

        // The first reads that no interview holds the slot, then waits while the second takes it.
        var hold = holds.Arm(Hold.AfterReading<ApplicationsDbContext>("Interviews", slot.Id));
        var first = people[0].Client.PostAsJsonAsync($"/api/applications/{people[0].ApplicationId}/interview/choose", new { slotId = slot.Id });
        await hold.Reached;
        await (await people[1].Client.PostAsJsonAsync($"/api/applications/{people[1].ApplicationId}/interview/choose", new { slotId = slot.Id })).EnsureSuccessAsync();
        hold.Release();

        var held = await first;
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        var holders = (await lead.GetFromJsonAsync<List<Slot>>($"/api/seasons/{season.Id}/interview-slots"))!;
        Assert.Equal(people[1].ApplicationId, Assert.Single(holders).ApplicationId);
        var loser = (await people[0].Client.GetFromJsonAsync<Interview>($"/api/applications/{people[0].ApplicationId}/interview"))!;
        Assert.Equal(("Choosing", null), (loser.Status, loser.Slot));
        await DeliverAsync(factory);
        Assert.DoesNotContain(await MailsAsync(factory, people[0].Email), m => m.Subject.StartsWith("Entretien confirmé", StringComparison.Ordinal));
    }
}

public sealed class InterviewsTestsOnSqlite() : InterviewsTests(DatabaseProvider.Sqlite);

public sealed class InterviewsTestsOnPostgreSql() : InterviewsTests(DatabaseProvider.PostgreSql);
