using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Messaging;
using Incubator.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Audit;

internal static class AuditSetup
{
    /// <summary>The audit log: its table, the handler of the modules' events (registered with the host's other handlers).</summary>
    public static void AddIncubatorAudit(this WebApplicationBuilder builder) =>
        builder.Services
            .AddModuleDbContext<AuditDb, AuditSqliteDb, AuditSqlServerDb, AuditPostgreSqlDb>(builder.Configuration, AuditDb.Module)
            .AddScoped<AuditLog>();
}

/// <summary>Keeps what a module recorded in its outbox, once, whatever the replays.</summary>
internal sealed class WhenSensitiveActionRecorded(AuditDb db, TimeProvider time) : InboxHandler<SensitiveActionRecorded, AuditDb>(db, time)
{
    protected override Task HandleOnceAsync(SensitiveActionRecorded action, CancellationToken cancellationToken)
    {
        Db.Entries.Add(new AuditEntry(action.Id, action.OccurredAt, action.ActorUserId, action.Action, action.SubjectId, action.Subject, action.Details));
        return Task.CompletedTask;
    }
}

/// <summary>An anonymised application's name leaves the log too; who decided what, and when, stays.</summary>
internal sealed class WhenApplicationAnonymised(AuditDb db, TimeProvider time) : InboxHandler<Incubator.Applications.Contracts.ApplicationAnonymised, AuditDb>(db, time)
{
    protected override async Task HandleOnceAsync(Incubator.Applications.Contracts.ApplicationAnonymised anonymised, CancellationToken cancellationToken)
    {
        foreach (var entry in await Db.Entries.Where(e => e.SubjectId == anonymised.ApplicationId).ToListAsync(cancellationToken))
        {
            entry.ForgetSubject(Incubator.BuildingBlocks.Application.Texts.L("Candidature anonymisée", "Anonymised application"));
        }
    }
}

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, Guid? ActorUserId, string? ActorName, string Action, Guid SubjectId, string Subject, string? Details);

/// <summary>The host's own sensitive actions (roles given, accounts erased), and the reading of the log.</summary>
public sealed class AuditLog(AuditDb db, IUserDirectory users, TimeProvider time)
{
    public const int PageSize = 50;

    public async Task RecordAsync(Guid? actorUserId, string action, Guid subjectId, string subject, string? details, CancellationToken cancellationToken)
    {
        db.Entries.Add(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), actorUserId, action, subjectId, subject, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first, <see cref="PageSize"/> a page, optionally one kind of action; with the actors' names.</summary>
    public async Task<PagedResult<AuditEntryDto>> ReadAsync(int page, string? action, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var query = db.Entries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }

        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.At).ThenBy(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var actors = await users.FindManyAsync(entries.Select(e => e.ActorUserId).OfType<Guid>().Distinct().ToList(), cancellationToken);
        return new PagedResult<AuditEntryDto>(
            entries.Select(e => new AuditEntryDto(e.Id, e.At, e.ActorUserId, e.ActorUserId is { } a ? actors.GetValueOrDefault(a)?.DisplayName : null, e.Action, e.SubjectId, e.Subject, e.Details)).ToList(),
            page, PageSize, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken) =>
        await db.Entries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
