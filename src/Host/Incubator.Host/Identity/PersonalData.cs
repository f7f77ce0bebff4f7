using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Privacy;
using Incubator.Host.Audit;
using Incubator.Host.Mail;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

/// <summary>
/// A person's right to their data: everything Incubator holds about them as one JSON document, and the
/// erasure of their account (each module erases or anonymises its part first, then the account goes).
/// </summary>
public sealed class PersonalData(UserManager<IncubatorUser> users, IMediator mediator, AuditLog audit, TimeProvider time)
{
    /// <summary>Accounts with these roles hold the program's records (decisions, reviews, sessions): an administrator closes them.</summary>
    private static readonly string[] StaffRoles = [Roles.Reviewer, Roles.Coach, Roles.ProgramLead, Roles.Admin];

    public async Task<IReadOnlyDictionary<string, object>> ExportAsync(IncubatorUser user, CancellationToken cancellationToken)
    {
        var request = new PersonalDataRequested(user.Id, user.Email!);
        await mediator.Publish(request, cancellationToken);
        var document = new SortedDictionary<string, object>(request.Sections, StringComparer.Ordinal)
        {
            ["account"] = new
            {
                user.Id,
                user.Email,
                user.DisplayName,
                user.EmailConfirmed,
                user.CreatedAt,
                Roles = await users.GetRolesAsync(user),
            },
            ["exportedAt"] = time.GetUtcNow(),
        };
        return document;
    }

    /// <summary>Erases the account after checking its password; refused for the program's staff.</summary>
    public async Task EraseAsync(IncubatorUser user, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            throw new DomainException(L("Mot de passe incorrect.", "Wrong password."), "password");
        }

        if ((await users.GetRolesAsync(user)).Any(StaffRoles.Contains))
        {
            throw new ConflictException(L(
                "Ce compte appartient à l'équipe du programme : un administrateur le ferme, ses décisions et ses évaluations restant au dossier.",
                "This account belongs to the program team: an administrator closes it, its decisions and reviews staying on record."));
        }

        await mediator.Publish(new AccountErasureRequested(user.Id, user.Email!), cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }

        await audit.RecordAsync(user.Id, "account.erased", user.Id, L("Compte d'un porteur de projet", "An applicant's account"), null, cancellationToken);
    }
}

/// <summary>The mails Incubator sent to the person; on erasure, they are deleted (their copies stay with the person).</summary>
internal sealed class MailPersonalData(MailDb db) :
    INotificationHandler<PersonalDataRequested>,
    INotificationHandler<AccountErasureRequested>
{
    public async Task Handle(PersonalDataRequested request, CancellationToken cancellationToken) =>
        request.Sections["mails"] = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.To == request.Email)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Subject, m.TextBody, m.AttachmentName, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);

    public async Task Handle(AccountErasureRequested request, CancellationToken cancellationToken) =>
        await db.OutgoingMails.Where(m => m.To == request.Email).ExecuteDeleteAsync(cancellationToken);
}
