using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Funding.Features;
using Incubator.Host.Mail;
using Incubator.Host.Tests.Infrastructure;
using Incubator.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>Information meetings before the call (issue 25): planned by a lead, joined by anyone without an account, full is full.</summary>
public abstract class InformationMeetingsTests(DatabaseProvider provider)
{
    private sealed record Meeting(Guid Id, Guid SeasonId, string Title, DateTimeOffset StartsAt, int Capacity, int SeatsLeft, int Waiting);

    private sealed record Registration(Guid MeetingId, string Status);

    private sealed record Registrant(Guid Id, string Name, string Email, string Town, string Status, bool Attended);

    private static object Plan(int capacity = 2, string startsAt = "2027-01-14T18:00:00+01:00", string endsAt = "2027-01-14T19:30:00+01:00") => new
    {
        title = "Réunion d'information à Montélimar",
        startsAt,
        endsAt,
        mode = "Hybrid",
        placeName = "Pôle ESS",
        address = "1 avenue Saint-Martin",
        town = "Montélimar",
        remoteUrl = "https://visio.example.org/info",
        capacity,
        details = "Le programme, le calendrier, comment candidater.",
    };

    private static object Person(string name) => new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@Example.org", town = "Montélimar" };

    private static async Task<(HttpClient Lead, Meeting Meeting)> PlannedAsync(IncubatorFactory factory, int capacity = 2)
    {
        var lead = await factory.AdminClientAsync();
        var season = await lead.CreateSeasonAsync(factory.Clock.GetUtcNow().AddDays(30), factory.Clock.GetUtcNow().AddDays(60), 12);
        var planned = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/information-meetings", Plan(capacity));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        return (lead, (await planned.Content.ReadFromJsonAsync<Meeting>())!);
    }

    private static async Task<List<OutgoingMail>> MailsAsync(IncubatorFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDb>().OutgoingMails.AsNoTracking()
            .Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private static async Task DeliverAsync(IncubatorFactory factory)
    {
        await Task.WhenAll(factory.RunJobAsync("outbox:meetings"), factory.RunJobAsync("outbox:meetings"));
        await factory.RunJobAsync("outbox:meetings");
    }

    private static string TokenOf(OutgoingMail mail)
    {
        var start = mail.TextBody.IndexOf("/meetings/cancel/", StringComparison.Ordinal) + "/meetings/cancel/".Length;
        return mail.TextBody[start..].Split('\n', '\r', ' ')[0].Trim();
    }

    [Fact]
    public async Task Given_a_meeting_of_two_seats_When_three_people_register_without_an_account_and_one_cancels_by_the_link_Then_the_third_gets_the_seat_and_each_mail_goes_once()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, meeting) = await PlannedAsync(factory);
        var anonymous = factory.CreateClient();
        var listed = await anonymous.GetFromJsonAsync<List<Meeting>>($"/api/seasons/{meeting.SeasonId}/information-meetings");
        Assert.Equal(meeting.Id, Assert.Single(listed!).Id);

        var (ana, basile, chloe) = (Person("Ana"), Person("Basile"), Person("Chloe"));
        var answers = new List<HttpResponseMessage>();
        foreach (var person in new[] { ana, basile, chloe })
        {
            answers.Add(await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", person));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(new[] { "Registered", "Registered", "Waitlisted" }, await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<Registration>())!.Status)));
        var again = await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", ana); // the same e-mail: the same registration
        Assert.Equal((HttpStatusCode.OK, "Registered"), (again.StatusCode, (await again.Content.ReadFromJsonAsync<Registration>())!.Status));
        var now = (await anonymous.GetFromJsonAsync<Meeting>($"/api/information-meetings/{meeting.Id}"))!;
        Assert.Equal((0, 1), (now.SeatsLeft, now.Waiting));

        await DeliverAsync(factory);
        var email = (object person) => ((string)person.GetType().GetProperty("email")!.GetValue(person)!).ToLowerInvariant();
        var toAna = Assert.Single(await MailsAsync(factory, email(ana)));
        Assert.StartsWith("Inscription confirmée", toAna.Subject, StringComparison.Ordinal);
        Assert.Contains("le 14/01/2027 de 18:00 à 19:30 (heure de Paris)", toAna.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pôle ESS, 1 avenue Saint-Martin, Montélimar", toAna.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{meeting.Id:N}@incubator", Assert.Single(Calendar.Load(Encoding.UTF8.GetString(toAna.AttachmentContent!))!.Events).Uid);
        var toChloe = Assert.Single(await MailsAsync(factory, email(chloe)));
        Assert.StartsWith("Liste d'attente", toChloe.Subject, StringComparison.Ordinal);
        Assert.Null(toChloe.AttachmentContent);

        // The link of the mail: opening it shows the registration and cancels nothing; the button cancels.
        var token = TokenOf(toAna);
        var (status, page) = await new PageClient(factory).GetAsync($"/meetings/cancel/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Annuler mon inscription", page, StringComparison.Ordinal);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<Meeting>($"/api/information-meetings/{meeting.Id}"))!.SeatsLeft);
        await (await anonymous.PostAsync($"/api/information-meetings/registrations/{token}/cancel", null)).EnsureSuccessAsync();
        await (await anonymous.PostAsync($"/api/information-meetings/registrations/{token}/cancel", null)).EnsureSuccessAsync(); // again: no change
        await DeliverAsync(factory);
        Assert.Equal(new[] { "Inscription confirmée", "Inscription annulée" }, (await MailsAsync(factory, email(ana))).Select(m => m.Subject.Split(" :")[0]));
        Assert.Equal(new[] { "Liste d'attente", "Une place s'est libérée" }, (await MailsAsync(factory, email(chloe))).Select(m => m.Subject.Split(" :")[0]));
        var registrants = (await lead.GetFromJsonAsync<List<Registrant>>($"/api/information-meetings/{meeting.Id}/registrations"))!;
        Assert.Equal(new[] { "Registered", "Registered", "Cancelled" }, registrants.Select(r => r.Status));

        // The day before, one reminder to each person with a seat, whatever the reruns.
        factory.Clock.SetUtcNow(meeting.StartsAt.AddHours(-20));
        await Task.WhenAll(factory.RunJobAsync("meetings:reminders"), factory.RunJobAsync("meetings:reminders"));
        await factory.RunJobAsync("meetings:reminders");
        await DeliverAsync(factory);
        foreach (var person in new[] { basile, chloe })
        {
            Assert.Single(await MailsAsync(factory, email(person)), m => m.Subject.StartsWith("Réunion d'information demain", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(await MailsAsync(factory, email(ana)), m => m.Subject.StartsWith("Réunion d'information demain", StringComparison.Ordinal));

        // Who came, once it has started; the list exports.
        lead = await factory.AdminClientAsync();
        var basileId = registrants.Single(r => r.Email == email(basile)).Id;
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PutAsJsonAsync($"/api/information-meetings/{meeting.Id}/attendance", new { registrationIds = new[] { basileId } })).StatusCode);
        factory.Clock.SetUtcNow(meeting.StartsAt.AddMinutes(30));
        lead = await factory.AdminClientAsync();
        var came = await lead.PutAsJsonAsync($"/api/information-meetings/{meeting.Id}/attendance", new { registrationIds = new[] { basileId } });
        await came.EnsureSuccessAsync();
        Assert.Equal(new[] { true }, (await came.Content.ReadFromJsonAsync<List<Registrant>>())!.Where(r => r.Attended).Select(r => r.Attended));
        var csv = await lead.GetStringAsync($"/api/information-meetings/{meeting.Id}/registrations.csv");
        Assert.Contains($"Basile;{email(basile)};Montélimar;Registered;", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", Person("Late"))).StatusCode);

        // The funder report counts the meeting held and the one person who came, at the head of the selection funnel.
        await DeliverAsync(factory);
        var report = (await lead.GetFromJsonAsync<FunderReportDto>($"/api/seasons/{meeting.SeasonId}/funder-report"))!;
        Assert.Equal((1, 1, 1), (report.InformationMeetingsHeld, report.PeopleInformed, report.Funnel!.PeopleInformed));
    }

    [Fact]
    public async Task Given_bad_input_When_planning_or_registering_Then_the_field_at_fault_and_nothing_saved()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, meeting) = await PlannedAsync(factory);
        var anonymous = factory.CreateClient();
        async Task<string[]> FieldsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        }

        Assert.Contains("email", await FieldsAsync(await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", new { name = "Ana", email = "pas-un-courriel", town = "Die" })));
        Assert.Contains("town", await FieldsAsync(await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", new { name = "Ana", email = "ana@example.org" })));
        Assert.Contains("startsAt", await FieldsAsync(await lead.PostAsJsonAsync($"/api/seasons/{meeting.SeasonId}/information-meetings", Plan(startsAt: "2020-01-14T18:00:00+01:00", endsAt: "2020-01-14T19:00:00+01:00"))));
        var noPlace = await lead.PostAsJsonAsync($"/api/seasons/{meeting.SeasonId}/information-meetings", new { title = "Info", startsAt = "2027-02-01T18:00:00+01:00", endsAt = "2027-02-01T19:00:00+01:00", mode = "InPerson", capacity = 10 });
        Assert.Contains("placeName", await FieldsAsync(noPlace));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/seasons/{meeting.SeasonId}/information-meetings", Plan())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/information-meetings/{Guid.NewGuid()}/registrations", Person("Ana"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync("/api/information-meetings/registrations/not-a-token/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.PostAsJsonAsync($"/api/seasons/{Guid.NewGuid()}/information-meetings", Plan())).StatusCode);

        var (seats, waiting) = ((await anonymous.GetFromJsonAsync<Meeting>($"/api/information-meetings/{meeting.Id}"))!.SeatsLeft, (await anonymous.GetFromJsonAsync<List<Meeting>>($"/api/seasons/{meeting.SeasonId}/information-meetings"))!.Count);
        Assert.Equal((2, 1), (seats, waiting));
    }

    [Fact]
    public async Task Given_the_last_seat_When_one_registration_is_held_between_reading_the_meeting_and_saving_while_another_takes_the_seat_Then_the_held_one_goes_on_the_waiting_list()
    {
        var holds = new Holds();
        using var factory = new IncubatorFactory(provider: provider, configure: s => s.AddSingleton<IInterceptor>(holds));
        var (lead, meeting) = await PlannedAsync(factory, capacity: 1);
        var anonymous = factory.CreateClient();
        var hold = holds.Arm(Hold.AfterReading<MeetingsDbContext>("InformationMeetings", meeting.Id));

        var first = anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", Person("Ana"));
        await hold.Reached; // Ana's registration has read the meeting with its one seat free
        var second = await anonymous.PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", Person("Basile"));
        Assert.Equal("Registered", (await second.Content.ReadFromJsonAsync<Registration>())!.Status);
        hold.Release();

        var held = await first;
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal("Waitlisted", (await held.Content.ReadFromJsonAsync<Registration>())!.Status);
        var registrants = (await lead.GetFromJsonAsync<List<Registrant>>($"/api/information-meetings/{meeting.Id}/registrations"))!;
        Assert.Equal(new[] { "Registered", "Waitlisted" }, registrants.Select(r => r.Status));
    }

    [Fact]
    public async Task Given_a_registration_When_the_person_later_has_an_account_and_when_a_year_has_passed_Then_it_is_in_their_export_and_then_erased_with_the_count_kept()
    {
        using var factory = new IncubatorFactory(provider: provider);
        var (lead, meeting) = await PlannedAsync(factory, capacity: 5);
        var email = $"future-{Guid.NewGuid():N}@example.org";
        await (await factory.CreateClient().PostAsJsonAsync($"/api/information-meetings/{meeting.Id}/registrations", new { name = "Dominique", email, town = "Crest" })).EnsureSuccessAsync();
        await (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Applicant-Password-1" })).EnsureSuccessAsync();
        var person = await factory.ClientForAsync(email, "Applicant-Password-1");
        var export = await person.GetStringAsync("/api/users/me/data");
        Assert.Contains("Dominique", export, StringComparison.Ordinal);
        Assert.Contains("Crest", export, StringComparison.Ordinal);

        factory.Clock.SetUtcNow(meeting.StartsAt.AddMonths(13));
        await factory.RunJobAsync("meetings:retention");
        await factory.RunJobAsync("meetings:retention");
        lead = await factory.AdminClientAsync();
        var left = Assert.Single((await lead.GetFromJsonAsync<List<Registrant>>($"/api/information-meetings/{meeting.Id}/registrations"))!);
        Assert.DoesNotContain(email, left.Email, StringComparison.Ordinal);
        Assert.Equal(string.Empty, left.Town);
        Assert.Equal(4, (await lead.GetFromJsonAsync<Meeting>($"/api/information-meetings/{meeting.Id}"))!.SeatsLeft);
    }
}

public sealed class InformationMeetingsTestsOnSqlite() : InformationMeetingsTests(DatabaseProvider.Sqlite);

public sealed class InformationMeetingsTestsOnPostgreSql() : InformationMeetingsTests(DatabaseProvider.PostgreSql);
