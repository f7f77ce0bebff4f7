using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;

namespace Incubator.BuildingBlocks.Messaging;

/// <summary>
/// A sensitive action (a decision, a cohort approval, a reassignment, a tranche received, a role given,
/// an account erased), written to the acting module's outbox in the same transaction as the action, so
/// the audit log can miss none. The host's audit log keeps it.
/// </summary>
/// <param name="Action">A stable key, e.g. <c>application.decided</c>.</param>
/// <param name="Subject">What it was about, as people read it (a project's name, a funder's agreement).</param>
/// <param name="Details">The outcome, e.g. the decision taken.</param>
public sealed record SensitiveActionRecorded(Guid? ActorUserId, string Action, Guid SubjectId, string Subject, string? Details) : IntegrationEvent;

public static class AuditExtensions
{
    /// <summary>Records a sensitive action by the current user in this save's outbox.</summary>
    public static void Audit(this ModuleDbContext db, ICurrentUser user, TimeProvider time, string action, Guid subjectId, string subject, string? details = null) =>
        db.AddToOutbox(new SensitiveActionRecorded(user.Id, action, subjectId, subject, details) { OccurredAt = time.GetUtcNow() });
}
