using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Incubator.BuildingBlocks.Application;

/// <summary>
/// A request whose save failed on a <see cref="ConsistencyFence"/> (another request or an event handler decided on the
/// same facts meanwhile) is run again from the start, on what the other committed: the person sees the outcome of both,
/// never a conflict they did not cause. Bounded: after <see cref="Attempts"/> runs the conflict is answered as any other
/// (409). A save that fails on anything else is not retried.
/// </summary>
public sealed partial class FenceConflictRetryBehavior<TRequest, TResponse>(ILogger<FenceConflictRetryBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public const int Attempts = 5;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next();
            }
            catch (DbUpdateException ex) when (attempt < Attempts && ConsistencyFence.IsConflict(ex))
            {
                // What the failed run tracked is dropped; the next run reads everything again.
                foreach (var context in ex.Entries.Select(e => e.Context).Distinct())
                {
                    context.ChangeTracker.Clear();
                }

                LogRetry(logger, typeof(TRequest).Name, attempt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} decided on facts that changed meanwhile (attempt {Attempt}); running it again")]
    private static partial void LogRetry(ILogger logger, string request, int attempt);
}
