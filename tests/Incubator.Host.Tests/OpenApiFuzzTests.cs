using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Incubator.Host.Tests;

/// <summary>
/// Every operation of the app's own OpenAPI document receives malformed input: not JSON, the wrong
/// shape, unknown fields, each field of the wrong type, too long, with a null byte, an impossible
/// date, GUID, enum or number, deep nesting, a 2 MB body, and invalid path identifiers. Each answer must
/// be a 4xx problem details (naming the field when one field is at fault), never 2xx nor 5xx, and
/// every database file must be byte for byte the same content afterwards.
/// </summary>
public sealed class OpenApiFuzzTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public OpenApiFuzzTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    private sealed record Case(string Name, string Json, string? Field = null);

    [Fact]
    public async Task Given_every_operation_of_the_OpenAPI_document_When_sent_malformed_input_Then_each_answer_is_a_4xx_problem_and_nothing_changed()
    {
        var lead = await _factory.AdminClientAsync();
        var season = await _factory.OpenSeasonAsync(lead, TimeSpan.FromDays(20));
        // The lead has a draft of their own, so that the applicant's operations reach their checks too.
        var draft = await lead.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", ApplicationsApi.CompleteBody());
        await draft.EnsureSuccessAsync();
        var draftId = (await draft.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var document = JsonNode.Parse(await lead.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;
        // Well-formed bodies for the main inputs: one field at a time is then broken, so only that field is at fault.
        var valid = new Dictionary<string, object>
        {
            ["ApplicationInput"] = ApplicationsApi.CompleteBody(),
            ["ProgramInput"] = new { name = "Programme", territory = "Drôme", partnerStructures = new[] { "CAE" } },
            ["SeasonInput"] = new { programId = season.ProgramId, name = "Saison", startsOn = "2027-03-01", applicationsOpenAt = "2026-12-01T00:00:00Z", applicationsCloseAt = "2027-01-15T00:00:00Z", capacity = 6 },
            ["FunderInput"] = new { name = "Fondation", kind = "Foundation", contacts = new[] { new { name = "Nadia Benali", email = "nadia@example.org" } } },
            ["VenueInput"] = new { name = "La Cordonnerie", address = "1 rue Neuve", town = "Romans-sur-Isère", accessibilityNotes = "Rez-de-chaussée" },
            ["TrainerInput"] = new { name = "Lucie Martin", organisation = "URSCOP", fromTerritory = true },
            ["TrainingInput"] = new { title = "Gouvernance", topic = "Coopération", startsAt = "2027-04-01T09:30:00+02:00", endsAt = "2027-04-01T17:00:00+02:00", capacity = 12, mode = "InPerson" },
            ["NewUser"] = new { email = "fuzz@test.local", displayName = "Fuzz", password = "Fuzz-Password-1", roles = new[] { "Coach" } },
            ["ApproveReportInput"] = new { label = "Bilan" },
        };

        var before = Fingerprint();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var url = Url(path, season.Id, season.ProgramId, draftId);
                foreach (var bad in BadPaths(path, url))
                {
                    requests++;
                    await CheckAsync(lead, method, bad, null, new Case("invalid identifier in the path", "{}"), failures);
                }

                var schemaRef = operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                if (schemaRef is null)
                {
                    continue;
                }

                var schemaName = schemaRef.Split('/')[^1];
                var schema = schemas[schemaName]!;
                var baseBody = valid.TryGetValue(schemaName, out var example) ? JsonSerializer.SerializeToNode(example)!.AsObject() : new JsonObject();
                foreach (var @case in Cases(schema, schemas, baseBody))
                {
                    requests++;
                    await CheckAsync(lead, method, url, schemaName, @case, failures);
                }
            }
        }

        Assert.True(requests > 500, $"only {requests} requests: the document was not read as expected");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers are wrong:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(before, Fingerprint());
    }

    private static string Url(string path, Guid seasonId, Guid programId, Guid applicationId) => path
        .Replace("/api/applications/{id}", $"/api/applications/{applicationId}", StringComparison.Ordinal)
        .Replace("/api/programs/{id}", $"/api/programs/{programId}", StringComparison.Ordinal)
        .Replace("{seasonId}", seasonId.ToString(), StringComparison.Ordinal)
        .Replace("/api/seasons/{id}", $"/api/seasons/{seasonId}", StringComparison.Ordinal)
        .Replace("{key}", "diagnostic", StringComparison.Ordinal)
        .Replace("{index}", "0", StringComparison.Ordinal)
        .Replace("{token}", "not-a-token", StringComparison.Ordinal)
        .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{projectId}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

    /// <summary>The URL with each identifier replaced by something that is not one.</summary>
    private static IEnumerable<string> BadPaths(string template, string url)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var segment in url.Split('/').Where(s => Guid.TryParse(s, out _) || s == "0"))
        {
            foreach (var bad in new[] { "not-a-guid", "99999999999999999999", "-1" })
            {
                yield return url.Replace("/" + segment, "/" + bad, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<Case> Cases(JsonNode schema, JsonNode schemas, JsonObject baseBody)
    {
        yield return new Case("not JSON", "{\"");
        yield return new Case("an array instead of an object", "[]");
        yield return new Case("a number instead of an object", "42");
        yield return new Case("null instead of an object", "null");
        yield return new Case("an unknown field", With(baseBody, "zzUnknown", JsonValue.Create(1)), "zzUnknown");
        var properties = schema["properties"]?.AsObject() ?? [];
        var first = properties.Select(p => p.Key).FirstOrDefault() ?? "x";
        yield return new Case("deep nesting", With(baseBody, first, JsonValue.Create("__deep__")).Replace("\"__deep__\"", new string('[', 300) + new string(']', 300), StringComparison.Ordinal));
        yield return new Case("a 2 MB body", With(baseBody, first, JsonValue.Create(new string('x', 2 * 1024 * 1024))));
        foreach (var (name, property) in properties)
        {
            var kinds = Types(property!, schemas);
            var format = property!["format"]?.GetValue<string>();
            if (kinds.Contains("array"))
            {
                yield return new Case($"{name}: an object instead of a list", With(baseBody, name, new JsonObject { ["x"] = 1 }), name);
                yield return new Case($"{name}: a list holding null", With(baseBody, name, new JsonArray((JsonNode?)null)));
                yield return new Case($"{name}: a list of 10,000 empty items", With(baseBody, name, new JsonArray(Enumerable.Range(0, 10_000).Select(_ => (JsonNode?)new JsonObject()).ToArray())));
            }
            else if (kinds.Contains("object"))
            {
                yield return new Case($"{name}: text instead of an object", With(baseBody, name, JsonValue.Create("texte")), name);
                // A dictionary (criteria scores) takes any key; its validator decides which it knows.
                yield return new Case($"{name}: an object with an unknown field", With(baseBody, name, new JsonObject { ["zzUnknown"] = 1 }),
                    property["additionalProperties"] is JsonObject ? null : name);
            }
            else if (kinds.Contains("boolean"))
            {
                yield return new Case($"{name}: text instead of true/false", With(baseBody, name, JsonValue.Create("peut-être")), name);
            }
            else if (kinds.Contains("integer") || kinds.Contains("number"))
            {
                yield return new Case($"{name}: words instead of a number", With(baseBody, name, JsonValue.Create("douze")), name);
                yield return new Case($"{name}: a huge number", With(baseBody, name, JsonNode.Parse("1e40")), name);
                yield return new Case($"{name}: a huge negative number", With(baseBody, name, JsonNode.Parse("-99999999999999999999999")), name);
            }
            else
            {
                yield return new Case($"{name}: an object instead of text", With(baseBody, name, new JsonObject { ["x"] = 1 }), name);
                yield return new Case($"{name}: a number instead of text", With(baseBody, name, JsonValue.Create(12345)), name);
                yield return new Case($"{name}: a null byte", With(baseBody, name, JsonValue.Create("abc\0def")), name);
                switch (format)
                {
                    case "uuid":
                        yield return new Case($"{name}: not a GUID", With(baseBody, name, JsonValue.Create("not-a-guid")), name);
                        break;
                    case "date":
                        yield return new Case($"{name}: February 30th", With(baseBody, name, JsonValue.Create("2027-02-30")), name);
                        yield return new Case($"{name}: year 0", With(baseBody, name, JsonValue.Create("0000-01-01")), name);
                        break;
                    case "date-time":
                        yield return new Case($"{name}: not a date", With(baseBody, name, JsonValue.Create("hier à midi")), name);
                        yield return new Case($"{name}: hour 25", With(baseBody, name, JsonValue.Create("2027-03-01T25:00:00Z")), name);
                        break;
                    default:
                        yield return new Case($"{name}: 100,000 characters", With(baseBody, name, JsonValue.Create(new string('é', 100_000))), name);
                        break;
                }
            }
        }
    }

    private static HashSet<string> Types(JsonNode property, JsonNode schemas)
    {
        if (property["$ref"]?.GetValue<string>() is { } reference)
        {
            return Types(schemas[reference.Split('/')[^1]]!, schemas);
        }

        if (property["oneOf"] is JsonArray oneOf)
        {
            return oneOf.SelectMany(o => Types(o!, schemas)).ToHashSet();
        }

        return property["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
            JsonValue one => [one.GetValue<string>()],
            _ => property["properties"] is not null ? ["object"] : ["string"],
        };
    }

    private static string With(JsonObject baseBody, string name, JsonNode? value)
    {
        var body = baseBody.DeepClone().AsObject();
        body[name] = value;
        return body.ToJsonString();
    }

    private static async Task CheckAsync(HttpClient client, string method, string url, string? schema, Case @case, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
        {
            Content = new StringContent(@case.Json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{method.ToUpperInvariant()} {url} ({schema ?? "no body"}) with {@case.Name}: {status}";
        if (status is < 400 or >= 500)
        {
            failures.Add($"{where} {Excerpt(text)}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{where} answered {response.Content.Headers.ContentType?.MediaType ?? "nothing"}, not problem details");
            return;
        }

        // The Identity API's own endpoints name no fields; ours must name the one at fault.
        if (@case.Field is { } field && status == 400 && !url.StartsWith("/api/auth/", StringComparison.Ordinal)
            && !(JsonNode.Parse(text)?["errors"]?.ToJsonString().Contains(field, StringComparison.OrdinalIgnoreCase) ?? false))
        {
            failures.Add($"{where} does not name {field}: {Excerpt(text)}");
        }
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300];

    /// <summary>A hash of every row of every table of every database file of the host.</summary>
    private string Fingerprint()
    {
        var hash = new StringBuilder();
        foreach (var file in Directory.GetFiles(_factory.DataDirectory, "*.db").Order())
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read())
                {
                    rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                hash.Append(Path.GetFileName(file)).Append('.').Append(table).Append(':')
                    .Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))).Append('\n');
            }
        }

        return hash.ToString();
    }
}
