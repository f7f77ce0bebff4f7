using System.Reflection;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// Optimistic concurrency across requests. An API answer whose body has a <c>version</c> carries it as its
/// <c>ETag</c>; a change sent with <c>If-Match</c> (or a form with the hidden <c>__version</c> it was shown)
/// only applies to that version: if someone saved in between, the answer is 409 and nothing is overwritten.
/// </summary>
public sealed class VersionFilter : IActionFilter, IResultFilter, IOrderedFilter
{
    public const string FormField = "__version";

    public int Order => -3000;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return;
        }

        var (field, raw) = request.Headers.IfMatch.Count > 0
            ? ("If-Match", request.Headers.IfMatch.ToString())
            : request.HasFormContentType && request.Form.TryGetValue(FormField, out var posted) ? (FormField, posted.ToString()) : (null, null);
        if (field is null || raw is null or "" or "*")
        {
            return;
        }

        var value = raw.Trim();
        value = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        if (Guid.TryParse(value.Trim('"'), out var version))
        {
            context.HttpContext.RequestServices.GetRequiredService<ExpectedVersion>().Value = version;
        }
        else
        {
            context.ModelState.AddModelError(field, L("Version attendue : celle reçue avec l'élément (ETag).", "Expected version: the one received with the item (ETag)."));
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: { } value, StatusCode: null or (>= 200 and < 300) }
            && value.GetType().GetProperty("Version", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } property
            && type == typeof(Guid))
        {
            context.HttpContext.Response.Headers[HeaderNames.ETag] = $"\"{property.GetValue(value)}\"";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
