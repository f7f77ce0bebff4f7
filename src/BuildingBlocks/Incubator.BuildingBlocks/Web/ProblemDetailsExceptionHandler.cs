using System.Diagnostics;
using System.Text.Json;
using Incubator.BuildingBlocks.Application;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Incubator.BuildingBlocks.Web;

/// <summary>Turns the building blocks' exceptions into RFC 9457 problem details for the JSON API.</summary>
public sealed class ProblemDetailsExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        RequestValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        DomainException { Field: { } field } d => new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [d.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = d.Message,
        },
        DomainException d => Problem(StatusCodes.Status400BadRequest, d.Message),
        ConflictException c => Problem(StatusCodes.Status409Conflict, c.Message),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict,
            "Someone else changed this record meanwhile; reload it and try again."),
        DbUpdateException u when Persistence.UniqueViolation.Is(u) => Problem(StatusCodes.Status409Conflict,
            "This was just done by someone else (or in another tab); reload and check."),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, n.Message),
        PayloadTooLargeException p => Problem(StatusCodes.Status413PayloadTooLarge, p.Message),
        ForbiddenException f => Problem(StatusCodes.Status403Forbidden, f.Message),
        BadHttpRequestException b => Problem(b.StatusCode, b.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };
}
