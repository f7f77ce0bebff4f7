using Microsoft.AspNetCore.Identity;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Host.Identity;

/// <summary>Identity's messages in the request's language (French first).</summary>
internal sealed class FrenchFirstIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = L($"Un compte existe déjà pour {email}.", $"An account already exists for {email}.") };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = L($"Un compte existe déjà pour {userName}.", $"An account already exists for {userName}.") };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = L($"L'adresse « {email} » n'est pas valide.", $"The address '{email}' is not valid.") };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = L($"Le mot de passe doit compter au moins {length} caractères.", $"The password must be at least {length} characters long.") };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = L("Le mot de passe doit contenir un chiffre.", "The password must contain a digit.") };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = L("Le mot de passe doit contenir une minuscule.", "The password must contain a lowercase letter.") };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = L("Le mot de passe doit contenir une majuscule.", "The password must contain an uppercase letter.") };
}
