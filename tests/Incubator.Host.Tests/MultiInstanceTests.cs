using System.Collections.Concurrent;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Incubator.Host.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database and one shared data folder, as behind a load balancer (README, Running
/// several instances): each person's requests go to one and the other in turn; one host is killed with SIGKILL in the
/// middle of a rush. A token of one is honoured by the other, a file uploaded through one is read through the other,
/// every submission answered is there, and each confirmation is mailed once (or repeated with the same Message-ID when
/// the kill fell between the SMTP server's acceptance and the commit).
/// </summary>
public sealed class MultiInstanceTests(ITestOutputHelper output)
{
    private const string Password = "Applicant-Password-1";
    private const int Applicants = 20;
    private const int KillAfter = 40;

    private sealed record Application(Guid Id, string Status, string? ProjectName);

    [Fact]
    public async Task Given_two_hosts_on_one_database_When_people_go_from_one_to_the_other_and_one_is_killed_mid_rush_Then_nothing_answered_is_lost_and_each_confirmation_goes_once()
    {
        using var smtp = new SmtpListener();
        var data = Path.Combine(Path.GetTempPath(), "incubator-tests", "shared-" + Guid.NewGuid().ToString("N"));
        var settings = TestDatabase.Settings(DatabaseProvider.PostgreSql, data);
        settings["Incubator:Smtp:Host"] = "127.0.0.1";
        settings["Incubator:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Incubator:Smtp:Security"] = "None";
        using var a = await HostProcess.StartAsync(data, settings);
        using var b = await HostProcess.StartAsync(data, settings);
        HostProcess[] hosts = [a, b];

        // Signed in on one, signed in on the other.
        var leadOnA = await a.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var leadOnB = b.CreateClient();
        leadOnB.DefaultRequestHeaders.Authorization = leadOnA.DefaultRequestHeaders.Authorization;
        await (await leadOnB.GetAsync("/api/users/me")).EnsureSuccessAsync();
        var seasonId = await a.OpenSeasonAsync();
        Assert.Equal(seasonId, (await leadOnB.GetFromJsonAsync<SeasonResponse>($"/api/seasons/{seasonId}"))!.Id);

        // Each person holds one token and a client on each host.
        var people = new List<(string Email, HttpClient[] Clients)>();
        for (var i = 0; i < Applicants; i++)
        {
            var email = $"porteur{i:00}-{Guid.NewGuid():N}@test.local";
            await hosts[i % 2].RegisterAsync(email, Password);
            var onOne = await hosts[(i + 1) % 2].SignInAsync(email, Password);
            var onOther = hosts[i % 2].CreateClient();
            onOther.DefaultRequestHeaders.Authorization = onOne.DefaultRequestHeaders.Authorization;
            people.Add((email, i % 2 == 0 ? [onOther, onOne] : [onOne, onOther]));
        }

        // A file uploaded through one host is read through the other (the data folder is shared).
        var draft = await people[0].Clients[0].PostAsJsonAsync($"/api/seasons/{seasonId}/applications", ApplicationsApi.CompleteBody("Avec son dossier"));
        var attached = (await draft.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await people[0].Clients[0].PutAsync($"/api/applications/{attached}/attachment", Uploads.PdfUpload())).EnsureSuccessAsync();
        Assert.Equal(Uploads.Pdf, await people[0].Clients[1].GetByteArrayAsync($"/api/applications/{attached}/attachment"));

        // The rush: created on one host, submitted on the other; host A is killed once 40 were answered.
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var halfway = new TaskCompletionSource();
        var rush = people.Select(async (person, p) =>
        {
            for (var k = 0; k < 6; k++)
            {
                var created = await SendAsync(person.Clients, k, c => c.PostAsJsonAsync($"/api/seasons/{seasonId}/applications", ApplicationsApi.CompleteBody($"Projet {p:00}-{k}")));
                if (created is not { IsSuccessStatusCode: true })
                {
                    continue;
                }

                var id = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
                var submitted = await SendAsync(person.Clients, k + 1, c => c.PostAsync($"/api/applications/{id}/submit", null));
                if (submitted is { IsSuccessStatusCode: true })
                {
                    acknowledged[id] = person.Email;
                    if (acknowledged.Count >= KillAfter)
                    {
                        halfway.TrySetResult();
                    }
                }
            }
        }).ToList();
        await Task.WhenAny(halfway.Task, Task.WhenAll(rush));
        a.Kill();
        await Task.WhenAll(rush);
        Assert.InRange(acknowledged.Count, KillAfter, Applicants * 6);

        // Everything answered is there, read through the host that lived.
        var submittedProjects = new List<string>();
        foreach (var (_, clients) in people)
        {
            foreach (var application in (await clients[1].GetFromJsonAsync<List<Application>>("/api/applications/mine"))!.Where(x => x.Status == "Submitted"))
            {
                submittedProjects.Add(application.ProjectName!);
                acknowledged.TryRemove(application.Id, out _);
            }
        }

        Assert.Empty(acknowledged); // every acknowledged submission was found, submitted, and removed above

        // Each committed submission is confirmed once, by whichever host delivered it.
        static string Subject(string project) => $"Candidature reçue : {project} / Application received";
        await Eventually.AssertAsync(
            () => Task.FromResult(submittedProjects.All(p => smtp.Messages.Any(m => m.Subject == Subject(p)))),
            TimeSpan.FromSeconds(150), // mails claimed by the killed host wait for their claim to lapse (100 s)
            $"a confirmation for each of the {submittedProjects.Count} submissions\n{b.Output}");
        await Task.Delay(TimeSpan.FromSeconds(12));
        var confirmations = smtp.Messages.Where(m => m.Subject?.StartsWith("Candidature reçue", StringComparison.Ordinal) == true).ToList();
        var repeated = 0;
        foreach (var project in submittedProjects)
        {
            var mine = confirmations.Where(m => m.Subject == Subject(project)).ToList();
            Assert.True(mine.Select(m => m.MessageId).Distinct().Count() == 1, $"{project} was confirmed by different mails");
            repeated += mine.Count - 1;
        }

        Assert.InRange(repeated, 0, 4);
        output.WriteLine($"{submittedProjects.Count} submissions committed across two hosts, one killed; {confirmations.Count} confirmations, {repeated} repeated with the same Message-ID.");
    }

    /// <summary>The request to the host whose turn it is; the other if that one is gone (as a load balancer would).</summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient[] clients, int turn, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                return await send(clients[(turn + attempt) % 2]);
            }
            catch (HttpRequestException)
            {
                // That host is gone (or went while answering: nothing was promised).
            }
            catch (TaskCanceledException)
            {
            }
        }

        return null;
    }
}
