using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>
/// Holds one side of a race between its read and its write while the test lets the other side commit: the first read
/// of a table by a context of the given type (held once the reader is closed: the facts are read), or its first save
/// matching a test (held before anything is written). It holds once, until released, and at most 30 s.
/// </summary>
public sealed class Hold
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly Func<DbContext, DbCommand?, bool> _matches;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed = 1;

    private Hold(Func<DbContext, DbCommand?, bool> matches)
    {
        _matches = matches;
    }

    /// <summary>
    /// After the context has read <paramref name="table"/> (any schema) with <paramref name="about"/> among the query's
    /// parameters (a season, say: the shared test host may deliver other tests' events in the same batch), before it goes on.
    /// </summary>
    /// <param name="containing">When given, only a query whose text also contains it (to tell two reads of one table apart).</param>
    public static Hold AfterReading<TContext>(string table, Guid about, string? containing = null)
        where TContext : DbContext
    {
        var from = new Regex($@"\bFROM (\w+\.)?""{table}""", RegexOptions.CultureInvariant);
        return new Hold((context, command) => context is TContext && command is not null
            && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && from.IsMatch(command.CommandText)
            && (containing is null || command.CommandText.Contains(containing, StringComparison.Ordinal))
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is Guid g ? g == about : string.Equals(p.Value as string, about.ToString(), StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>When the context starts a save whose changes <paramref name="changes"/> recognises, before it writes.</summary>
    public static Hold BeforeSaving<TContext>(Func<TContext, bool> changes)
        where TContext : DbContext =>
        new((context, command) => command is null && context is TContext typed && changes(typed));

    /// <summary>The held side has read (or is about to write) and waits.</summary>
    public Task Reached => _reached.Task.WaitAsync(Limit);

    public void Release() => _released.TrySetResult();

    internal async ValueTask WaitIfMatchesAsync(DbContext? context, DbCommand? command)
    {
        if (context is null || Volatile.Read(ref _armed) == 0 || !_matches(context, command) || Interlocked.Exchange(ref _armed, 0) == 0)
        {
            return;
        }

        _reached.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            // Never released: the test fails on its own assertions; the held side goes on.
        }
    }
}

/// <summary>The test host's interceptor of every module's context: it runs the hold the test has armed, if any.</summary>
public sealed class Holds : DbCommandInterceptor, ISaveChangesInterceptor
{
    private Hold? _current;

    public Hold Arm(Hold hold)
    {
        _current = hold;
        return hold;
    }

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (_current is { } hold)
        {
            await hold.WaitIfMatchesAsync(eventData.Context, command);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_current is { } hold)
        {
            await hold.WaitIfMatchesAsync(eventData.Context, null);
        }

        return result;
    }
}
