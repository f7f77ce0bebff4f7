using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// What a page or the API receives is clean before any handler runs: text is plain text (a null byte or
/// another control character other than tab and line breaks is refused), and lists have no holes (a
/// <c>null</c> item is refused). So such input never reaches a validator that would trip on it, the
/// database, an e-mail, a CSV export or a log line, and the answer names the field at fault.
/// </summary>
public static class CleanInput
{
    private const int MaxDepth = 6;

    /// <summary>Every control character but tab and the two line breaks (what <see cref="char.IsControl(char)"/> calls control).</summary>
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());

    /// <summary>The readable properties of each bound type, with their JSON names: looked up once per type, not per request.</summary>
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]?> Properties = new();

    /// <summary>The fields at fault in a bound value, with why; <paramref name="path"/> prefixes their names.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(object? value, string path = "")
    {
        List<(string Field, string Message)>? problems = null;
        Check(value, path, 0, ref problems);
        return problems ?? (IReadOnlyList<(string Field, string Message)>)[];
    }

    private static void Check(object? value, string path, int depth, ref List<(string Field, string Message)>? problems)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.AsSpan().ContainsAny(Refused))
                {
                    (problems ??= []).Add((path, L(
                        "Caractères de contrôle (comme un octet nul) refusés dans un texte.",
                        "Control characters (such as a null byte) are not accepted in text.")));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    Check(entry.Key as string, key, depth + 1, ref problems);
                    Check(entry.Value, key, depth + 1, ref problems);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{index++}]";
                    if (item is null)
                    {
                        (problems ??= []).Add((at, L("Élément vide dans la liste.", "Empty item in the list.")));
                        continue;
                    }

                    Check(item, at, depth + 1, ref problems);
                }

                return;
        }

        if (depth >= MaxDepth || Properties.GetOrAdd(value.GetType(), Inspectable) is not { } properties)
        {
            return;
        }

        foreach (var (property, name) in properties)
        {
            Check(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1, ref problems);
        }
    }

    /// <summary>Our own types (and Identity's request bodies) are walked; anything else is a leaf.</summary>
    private static (PropertyInfo Property, string Name)[]? Inspectable(Type type) =>
        type.IsPrimitive || type.IsEnum
        || !(type.Namespace?.StartsWith("Incubator", StringComparison.Ordinal) == true || type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity.Data", StringComparison.Ordinal) == true)
            ? null
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
                .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
                .ToArray();

    /// <summary>For minimal API endpoints (the Identity API): the same refusal as validation problem details.</summary>
    public static async ValueTask<object?> EndpointFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var problems = context.Arguments.SelectMany(a => Problems(a)).ToList();
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        return await next(context);
    }
}

/// <summary>
/// <see cref="CleanInput"/> on every MVC action, before the API's automatic 400 (which then answers
/// with the fields at fault) and before a page's handler (which shows them next to the field).
/// </summary>
public sealed class CleanInputFilter : IActionFilter, IOrderedFilter
{
    public int Order => -3000;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var (name, value) in context.ActionArguments)
        {
            var isBody = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.Name == name)?.BindingInfo?.BindingSource?.Id == "Body";
            foreach (var (field, message) in CleanInput.Problems(value, isBody ? string.Empty : name))
            {
                context.ModelState.AddModelError(field, message);
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
