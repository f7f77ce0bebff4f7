namespace Incubator.BuildingBlocks.Identity;

/// <summary>How modules reach a person (e-mail, name) from the user id they keep; the host owns the accounts.</summary>
public interface IUserDirectory
{
    Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record UserContact(Guid Id, string Email, string DisplayName);
