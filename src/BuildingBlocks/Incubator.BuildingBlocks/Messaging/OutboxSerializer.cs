using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Incubator.BuildingBlocks.Messaging;

public static class OutboxSerializer
{
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static IIntegrationEvent Deserialize(string typeName, string payload)
    {
        var type = Types.GetOrAdd(typeName, static name => Type.GetType(name, throwOnError: false))
            ?? throw new InvalidOperationException($"Unknown integration event type '{typeName}'.");
        return JsonSerializer.Deserialize(payload, type, Options) as IIntegrationEvent
            ?? throw new InvalidOperationException($"'{typeName}' is not an integration event.");
    }
}
