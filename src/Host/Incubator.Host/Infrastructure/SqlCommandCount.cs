using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Incubator.Host.Infrastructure;

/// <summary>
/// With <c>Incubator:Diagnostics:SqlCommandCount</c> on (the benchmark turns it on; off by default), every
/// response carries <c>X-Sql-Commands</c>: how many SQL commands every module's database ran for it. This is
/// how the benchmark checks, from outside the process, that a page costs the same number of commands on a
/// large and on a small dataset.
/// </summary>
internal static class SqlCommandCount
{
    public const string Header = "X-Sql-Commands";

    private static readonly AsyncLocal<Tally?> Current = new();

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>("Incubator:Diagnostics:SqlCommandCount");

    public static void AddSqlCommandCount(this WebApplicationBuilder builder)
    {
        if (Enabled(builder.Configuration))
        {
            builder.Services.AddSingleton<IInterceptor, Counter>();
        }
    }

    /// <summary>First in the pipeline, so that everything the request runs is counted.</summary>
    public static void UseSqlCommandCount(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            var tally = new Tally();
            Current.Value = tally;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = tally.Count.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    private sealed class Tally
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>Every command EF Core prepares for any module's context, sync or async, reader, scalar or not.</summary>
    private sealed class Counter : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Current.Value?.Add();
            return result;
        }
    }
}
