using System.Collections.Concurrent;
using System.Net.Http.Json;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Incubator.Host.Tests;

/// <summary>
/// The backup of a live instance (ADR 0021): taken by the operator's command while applicants submit, restored into a
/// fresh data folder (and database), the host started on it: every submission acknowledged before the backup began is
/// there, submitted, and the files uploaded before it are read back.
/// </summary>
public abstract class BackupTests(ITestOutputHelper output, DatabaseProvider provider)
{
    private sealed record Application(Guid Id, string Status);

    private const string Password = "Applicant-Password-1";

    [Fact]
    public async Task Given_a_rush_of_submissions_When_backed_up_meanwhile_and_restored_elsewhere_Then_everything_acknowledged_before_the_backup_is_there()
    {
        var data = Path.Combine(Path.GetTempPath(), "incubator-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var settings = TestDatabase.Settings(provider, data);
        var archive = Path.Combine(Path.GetTempPath(), "incubator-tests", $"backup-{Guid.NewGuid():N}.tar.gz");
        var people = new List<(string Email, HttpClient Client)>();
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        List<KeyValuePair<Guid, string>> before;
        Guid attached;
        using (var host = await HostProcess.StartAsync(data, settings))
        {
            var seasonId = await host.OpenSeasonAsync();
            for (var i = 0; i < 12; i++)
            {
                var email = $"porteur{i:00}-{Guid.NewGuid():N}@test.local";
                await host.RegisterAsync(email, Password);
                people.Add((email, await host.SignInAsync(email, Password)));
            }

            var draft = await people[0].Client.PostAsJsonAsync($"/api/seasons/{seasonId}/applications", ApplicationsApi.CompleteBody("Avec son dossier"));
            attached = (await draft.Content.ReadFromJsonAsync<IdResponse>())!.Id;
            await (await people[0].Client.PutAsync($"/api/applications/{attached}/attachment", Uploads.PdfUpload())).EnsureSuccessAsync();

            using var stop = new CancellationTokenSource();
            var rush = people.Select(async (person, p) =>
            {
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    var id = await person.Client.SubmitAsync(seasonId, $"Projet {p:00}-{k}");
                    acknowledged[id] = person.Email;
                }
            }).ToList();

            await Task.Delay(TimeSpan.FromSeconds(2));
            before = acknowledged.ToArray().ToList(); // answered before the backup began (ToArray takes the dictionary whole; ToList raced with the writers)
            var backup = await HostProcess.RunCommandAsync(["backup", archive], data, settings);
            Assert.True(backup.ExitCode == 0, backup.Output);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await stop.CancelAsync();
            await Task.WhenAll(rush);
            output.WriteLine($"{before.Count} submissions acknowledged before the backup, {acknowledged.Count} in all. {backup.Output.Trim()}");
        }

        var restored = Path.Combine(Path.GetTempPath(), "incubator-tests", "restored-" + Guid.NewGuid().ToString("N"));
        var restoredSettings = TestDatabase.Settings(provider, restored);
        var restore = await HostProcess.RunCommandAsync(["restore", archive], restored, restoredSettings);
        Assert.True(restore.ExitCode == 0, restore.Output);
        var again = await HostProcess.RunCommandAsync(["restore", archive], restored, restoredSettings);
        Assert.NotEqual(0, again.ExitCode); // never over existing data

        using var second = await HostProcess.StartAsync(restored, restoredSettings);
        var missing = new List<Guid>();
        foreach (var group in before.GroupBy(a => a.Value))
        {
            var client = await second.SignInAsync(group.Key, Password);
            var mine = (await client.GetFromJsonAsync<List<Application>>("/api/applications/mine"))!.ToDictionary(a => a.Id, a => a.Status);
            missing.AddRange(group.Where(a => mine.GetValueOrDefault(a.Key) != "Submitted").Select(a => a.Key));
        }

        Assert.Empty(missing);
        Assert.NotEmpty(before);
        var owner = await second.SignInAsync(people[0].Email, Password);
        Assert.Equal(Uploads.Pdf, await owner.GetByteArrayAsync($"/api/applications/{attached}/attachment"));
    }
}

public sealed class BackupTestsOnSqlite(ITestOutputHelper output) : BackupTests(output, DatabaseProvider.Sqlite);

public sealed class BackupTestsOnPostgreSql(ITestOutputHelper output) : BackupTests(output, DatabaseProvider.PostgreSql);
