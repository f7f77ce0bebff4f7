using System.Collections;
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

    /// <summary>The fields at fault in a bound value, with why; <paramref name="path"/> prefixes their names.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(object? value, string path = "") => Problems(value, path, 0);

    private static IEnumerable<(string Field, string Message)> Problems(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                {
                    yield return (path, L(
                        "Caractères de contrôle (comme un octet nul) refusés dans un texte.",
                        "Control characters (such as a null byte) are not accepted in text."));
                }

                yield break;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = $"{path}[{entry.Key}]";
                    foreach (var problem in Problems(entry.Key as string, key, depth + 1).Concat(Problems(entry.Value, key, depth + 1)))
                    {
                        yield return problem;
                    }
                }

                yield break;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{index++}]";
                    if (item is null)
                    {
                        yield return (at, L("Élément vide dans la liste.", "Empty item in the list."));
                        continue;
                    }

                    foreach (var problem in Problems(item, at, depth + 1))
                    {
                        yield return problem;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum
            || !(type.Namespace?.StartsWith("Incubator", StringComparison.Ordinal) == true || type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity.Data", StringComparison.Ordinal) == true))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                foreach (var problem in Problems(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1))
                {
                    yield return problem;
                }
            }
        }
    }

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
