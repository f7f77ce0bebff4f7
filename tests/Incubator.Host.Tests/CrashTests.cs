using System.Collections.Concurrent;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Incubator.Host.Tests;

/// <summary>
/// The real host process, killed with SIGKILL in the middle of a rush of submissions, then restarted on
/// the same files (or the same PostgreSQL database): what it acknowledged is there, nothing is half-saved, and each confirmation reaches
/// a real SMTP server.
/// </summary>
public abstract class CrashTests(ITestOutputHelper output, DatabaseProvider provider)
{
    private const int Applicants = 30;

    /// <summary>Each applicant submits this many in a row: the rush lasts seconds, so the kill lands in its middle.</summary>
    private const int EachSubmits = 6;

    private const int KillAfter = 40;

    private sealed record Application(Guid Id, string Status, DateTimeOffset? SubmittedAt, string? ProjectName, string? Summary, List<TeamMemberResponse> Team);

    private sealed record Summary(Guid Id, string Status);

    [Fact]
    public async Task Given_a_rush_of_submissions_When_the_process_is_killed_and_restarted_Then_every_acknowledged_one_is_there_whole_and_confirmed_by_one_mail()
    {
        using var smtp = new SmtpListener();
        var data = Path.Combine(Path.GetTempPath(), "incubator-tests", "crash-" + Guid.NewGuid().ToString("N"));
        var settings = TestDatabase.Settings(provider, data);
        settings["Incubator:Smtp:Host"] = "127.0.0.1";
        settings["Incubator:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Incubator:Smtp:Security"] = "None";
        var people = new List<(string Email, HttpClient Client)>();
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var created = new ConcurrentDictionary<Guid, string>();
        using (var first = await HostProcess.StartAsync(data, settings))
        {
            var seasonId = await first.OpenSeasonAsync();
            for (var i = 0; i < Applicants; i++)
            {
                var email = $"porteur{i:00}-{Guid.NewGuid():N}@test.local";
                await first.RegisterAsync(email, Password);
                people.Add((email, await first.SignInAsync(email, Password)));
            }

            // Each applicant creates then submits, several times in a row; the process is killed once 40 were answered.
            var halfway = new TaskCompletionSource();
            var rush = people.Select(async (person, p) =>
            {
                try
                {
                    for (var k = 0; k < EachSubmits; k++)
                    {
                        var draft = await person.Client.PostAsJsonAsync($"/api/seasons/{seasonId}/applications", ApplicationsApi.CompleteBody($"Projet {p:00}-{k}"));
                        if (!draft.IsSuccessStatusCode)
                        {
                            return;
                        }

                        var id = (await draft.Content.ReadFromJsonAsync<IdResponse>())!.Id;
                        created[id] = person.Email;
                        var submitted = await person.Client.PostAsync($"/api/applications/{id}/submit", null);
                        if (!submitted.IsSuccessStatusCode)
                        {
                            return;
                        }

                        acknowledged[id] = person.Email;
                        if (acknowledged.Count >= KillAfter)
                        {
                            halfway.TrySetResult();
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The connection died with the process: not acknowledged, so nothing is promised.
                }
                catch (TaskCanceledException)
                {
                }
            }).ToList();
            await Task.WhenAny(halfway.Task, Task.WhenAll(rush));
            first.Kill();
            await Task.WhenAll(rush);
        }

        Assert.InRange(acknowledged.Count, KillAfter, (Applicants * EachSubmits) - 1);

        using var second = await HostProcess.StartAsync(data, settings);
        var submittedProjects = new List<string>();
        foreach (var (email, _) in people)
        {
            var client = await second.SignInAsync(email, Password);
            foreach (var summary in (await client.GetFromJsonAsync<List<Summary>>("/api/applications/mine"))!)
            {
                var application = (await client.GetFromJsonAsync<Application>($"/api/applications/{summary.Id}"))!;
                // Whole: a draft or a submission carries every answer and its team, never a part of them.
                Assert.False(string.IsNullOrEmpty(application.ProjectName));
                Assert.False(string.IsNullOrEmpty(application.Summary));
                Assert.Single(application.Team);
                Assert.Equal(application.Status == "Submitted", application.SubmittedAt is not null);
                if (application.Status == "Submitted")
                {
                    submittedProjects.Add(application.ProjectName!);
                }
            }
        }

        foreach (var (id, email) in acknowledged)
        {
            var client = await second.SignInAsync(email, Password);
            Assert.Equal("Submitted", (await client.GetFromJsonAsync<Application>($"/api/applications/{id}"))!.Status);
        }

        // Every submission that was committed (answered or not) is confirmed once, after the restart too.
        static string Subject(string project) => $"Candidature reçue : {project} / Application received";
        await Eventually.AssertAsync(
            () => Task.FromResult(submittedProjects.All(p => smtp.Messages.Any(m => m.Subject == Subject(p)))),
            // The mails of a batch the kill caught mid-way wait for their claim to lapse (100 s) before they are sent.
            TimeSpan.FromSeconds(150),
            $"a confirmation for each of the {submittedProjects.Count} submissions\n{second.Output}");
        await Task.Delay(TimeSpan.FromSeconds(12)); // one more delivery cycle: anything sent twice would be here now
        // Exactly once, except a mail the kill caught between the SMTP server's acceptance and our commit: that one is
        // sent again after the restart with the same Message-ID (receivers drop it); at most one per delivery run in
        // flight, so no more than Hangfire's workers (4). No SMTP client can do better across a crash at that instant.
        var confirmations = smtp.Messages.Where(m => m.Subject?.StartsWith("Candidature reçue", StringComparison.Ordinal) == true).ToList();
        var repeated = 0;
        foreach (var project in submittedProjects)
        {
            var mine = confirmations.Where(m => m.Subject == Subject(project)).ToList();
            Assert.True(mine.Select(m => m.MessageId).Distinct().Count() == 1, $"{project} was confirmed by different mails: {string.Join(", ", mine.Select(m => m.MessageId))}");
            repeated += mine.Count - 1;
        }

        Assert.InRange(repeated, 0, 4);
        Assert.Equal(submittedProjects.Count + repeated, confirmations.Count);
        output.WriteLine($"{Applicants} applicants × {EachSubmits}: {acknowledged.Count} submissions acknowledged before SIGKILL, {submittedProjects.Count} committed, {confirmations.Count} confirmations received, {repeated} repeated with the same Message-ID.");
        Assert.Equal(acknowledged.Count, acknowledged.Keys.Intersect(created.Keys).Count());
    }

    private const string Password = "Applicant-Password-1";
}

public sealed class CrashTestsOnSqlite(ITestOutputHelper output) : CrashTests(output, DatabaseProvider.Sqlite);

public sealed class CrashTestsOnPostgreSql(ITestOutputHelper output) : CrashTests(output, DatabaseProvider.PostgreSql);
