using Microsoft.AspNetCore.Http;
using Incubator.BuildingBlocks.Application;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// The base of every module's page controllers: sends a request and turns a refused input or a
/// state conflict into form errors next to the field, so a page never answers 500 to bad input.
/// </summary>
[PageExceptions]
public abstract class PageController(IMediator mediator) : Controller
{
    protected IMediator Mediator => mediator;

    /// <summary>
    /// The result, or not ok with the errors in ModelState under their form keys
    /// (<see cref="FormMessages.FormKey"/> unless <paramref name="fieldToFormKey"/> says otherwise).
    /// </summary>
    protected async Task<(bool Ok, T? Result)> TrySendAsync<T>(IRequest<T> request, Func<string, string>? fieldToFormKey = null)
    {
        FormMessages.Localize(ModelState);
        if (!ModelState.IsValid)
        {
            return (false, default);
        }

        try
        {
            return (true, await mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, fieldToFormKey);
        }
        catch (RequestValidationException error)
        {
            ModelState.AddRequestValidationErrors(error, fieldToFormKey);
        }
        catch (ConflictException error)
        {
            // The form comes back with the reason, answered 409 like the API: nothing was done.
            ModelState.AddModelError(string.Empty, error.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (PayloadTooLargeException error)
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || Persistence.UniqueViolation.Is(error))
        {
            ModelState.AddModelError(string.Empty, L(
                "Quelqu'un d'autre a modifié cet élément entre-temps : rechargez la page et recommencez.",
                "Someone else changed this meanwhile: reload the page and try again."));
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return (false, default);
    }

    protected void Flash(string message) => TempData["Flash"] = message;

    protected void Breadcrumbs(params (string Label, string? Href)[] crumbs) => ViewData["Breadcrumbs"] = crumbs;
}

/// <summary>
/// On pages, what is unknown or not yours is a 404 page, what is not allowed a 403 page, and what the
/// state forbids (a reviewer who recused themselves opening the application) a 409 page saying why.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PageExceptionsAttribute : Attribute, IExceptionFilter
{
    /// <summary>Where the reason of a 409 waits for the status page, which runs in the same request.</summary>
    public const string ReasonKey = "Incubator.StatusReason";

    public void OnException(ExceptionContext context)
    {
        if (context.Exception is ConflictException conflict)
        {
            context.HttpContext.Items[ReasonKey] = conflict.Message;
        }

        context.Result = context.Exception switch
        {
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new ForbidResult(),
            ConflictException => new StatusCodeResult(StatusCodes.Status409Conflict),
            _ => context.Result,
        };
        context.ExceptionHandled = context.Result is not null;
    }
}
