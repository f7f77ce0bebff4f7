using System.Collections.Concurrent;
using MediatR;

namespace Incubator.BuildingBlocks.Privacy;

/// <summary>
/// Published in-process by the host when a person downloads their data: each module that holds some
/// about them adds its own section (plain records, serialised as JSON). Nothing is sent across modules.
/// </summary>
public sealed class PersonalDataRequested(Guid userId, string email) : INotification
{
    public Guid UserId { get; } = userId;

    public string Email { get; } = email;

    public ConcurrentDictionary<string, object> Sections { get; } = new();
}

/// <summary>
/// Published in-process by the host before it deletes an account: each module erases or anonymises what
/// it holds about the person, in its own transaction. Handlers are idempotent: if one fails, the account
/// stays, the person is told, and asking again finishes the work.
/// </summary>
public sealed record AccountErasureRequested(Guid UserId, string Email) : INotification;
