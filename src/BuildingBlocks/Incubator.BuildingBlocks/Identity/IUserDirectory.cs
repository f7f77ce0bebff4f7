namespace Incubator.BuildingBlocks.Identity;

/// <summary>How modules reach a person (e-mail, name) from the user id they keep; the host owns the accounts.</summary>
public interface IUserDirectory
{
    Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Several people in one query, by id; the ids of erased accounts are simply absent.</summary>
    Task<IReadOnlyDictionary<Guid, UserContact>> FindManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>The people holding a role, by name: the reviewers a lead names, the coaches a lead pairs.</summary>
    Task<IReadOnlyList<UserContact>> InRoleAsync(string role, CancellationToken cancellationToken);
}

public sealed record UserContact(Guid Id, string Email, string DisplayName);
