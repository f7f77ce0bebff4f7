using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Mail;

internal static class MailSetup
{
    /// <summary>The host's own small module: the outgoing mail table, its handlers and its delivery job.</summary>
    public static void AddIncubatorMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Incubator:Smtp"));
        builder.Services
            .AddModuleDbContext<MailDb, MailSqliteDb, MailSqlServerDb>(builder.Configuration, MailDb.Module)
            .AddModuleHandlers(typeof(MailSetup).Assembly)
            .AddScoped<IUserDirectory, IdentityUserDirectory>();
    }
}

internal sealed class IdentityUserDirectory(UserManager<IncubatorUser> users) : IUserDirectory
{
    public async Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        return user?.Email is { } email ? new UserContact(user.Id, email, user.DisplayName) : null;
    }

    public async Task<IReadOnlyDictionary<Guid, UserContact>> FindManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        await users.Users.Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => new UserContact(u.Id, u.Email!, u.DisplayName), cancellationToken);

    public async Task<IReadOnlyList<UserContact>> InRoleAsync(string role, CancellationToken cancellationToken) =>
        (await users.GetUsersInRoleAsync(role))
            .Where(u => u.Email is not null)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new UserContact(u.Id, u.Email!, u.DisplayName))
            .ToList();
}
