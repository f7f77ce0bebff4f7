using Incubator.BuildingBlocks;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
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
            .AddModuleDbContext<MailDb, MailSqliteDb, MailSqlServerDb, MailPostgreSqlDb>(builder.Configuration, MailDb.Module)
            .AddModuleHandlers(typeof(MailSetup).Assembly)
            .AddScoped<IUserDirectory, IdentityUserDirectory>();
    }
}

internal sealed class IdentityUserDirectory(IdentityDb db, UserManager<IncubatorUser> users) : IUserDirectory
{
    /// <summary>
    /// Asked by every mail handler for every message; a compiled projection, where <c>FindByIdAsync</c> tracked the
    /// whole account and built its query anew each time.
    /// </summary>
    private static readonly CompiledQuery<IdentityDb, Func<IdentityDb, Guid, CancellationToken, Task<UserContact?>>> Contact = new(() => EF.CompileAsyncQuery(
        (IdentityDb db, Guid userId, CancellationToken _) => db.Users
            .Where(u => u.Id == userId && u.Email != null)
            .Select(u => new UserContact(u.Id, u.Email!, u.DisplayName))
            .FirstOrDefault()));

    public Task<UserContact?> FindAsync(Guid userId, CancellationToken cancellationToken) => Contact.For(db)(db, userId, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, UserContact>> FindManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new UserContact(u.Id, u.Email!, u.DisplayName))
            .ToDictionaryAsync(c => c.Id, cancellationToken);

    public async Task<IReadOnlyList<UserContact>> InRoleAsync(string role, CancellationToken cancellationToken) =>
        (await users.GetUsersInRoleAsync(role))
            .Where(u => u.Email is not null)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new UserContact(u.Id, u.Email!, u.DisplayName))
            .ToList();
}
