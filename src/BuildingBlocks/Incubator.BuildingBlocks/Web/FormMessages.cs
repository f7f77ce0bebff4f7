using Incubator.BuildingBlocks.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.BuildingBlocks.Web;

/// <summary>
/// Form validation messages in the request's language. Data annotations on form models carry a
/// short code as their message (<c>ErrorMessage = "required"</c>); this turns codes into sentences.
/// </summary>
public static class FormMessages
{
    public static void Localize(ModelStateDictionary modelState)
    {
        foreach (var (key, entry) in modelState)
        {
            var errors = entry.Errors.ToList();
            if (errors.Count == 0)
            {
                continue;
            }

            entry.Errors.Clear();
            foreach (var error in errors)
            {
                entry.Errors.Add(Sentence(error.ErrorMessage));
            }
        }
    }

    private static string Sentence(string code) => code switch
    {
        "required" => L("Ce champ est obligatoire.", "This field is required."),
        "email" => L("Saisissez une adresse e-mail valide.", "Enter a valid e-mail address."),
        "length" => L("Ce texte est trop long.", "This text is too long."),
        "compare" => L("Les deux saisies ne correspondent pas.", "The two entries do not match."),
        "range" => L("Cette valeur est hors des limites.", "This value is out of range."),
        _ => code,
    };

    /// <summary>Adds a domain error to the form, next to its field when it names one.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, Func<string, string>? fieldToFormKey = null)
    {
        var key = error.Field is null ? string.Empty : (fieldToFormKey ?? FormKey)(error.Field);
        modelState.AddModelError(key, error.Message);
    }

    public static void AddRequestValidationErrors(this ModelStateDictionary modelState, RequestValidationException error, Func<string, string>? fieldToFormKey = null)
    {
        foreach (var (field, messages) in error.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError((fieldToFormKey ?? FormKey)(field), message);
            }
        }
    }

    /// <summary>An API field name as a form key: "team[0].name" becomes "Team[0].Name" (the reverse of ValidationBehavior.FieldName).</summary>
    public static string FormKey(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The first error of a form field, for the views that draw their own fields.</summary>
    public static string? FirstError(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>MVC's own binding messages ("the value is not valid"), in the request's language.</summary>
    public static void LocalizeBindingMessages(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(v => L($"La valeur « {v} » n'est pas valide.", $"The value '{v}' is not valid."));
        messages.SetAttemptedValueIsInvalidAccessor((v, _) => L($"La valeur « {v} » n'est pas valide.", $"The value '{v}' is not valid."));
        messages.SetValueMustNotBeNullAccessor(_ => L("Ce champ est obligatoire.", "This field is required."));
        messages.SetMissingBindRequiredValueAccessor(_ => L("Ce champ est obligatoire.", "This field is required."));
        messages.SetMissingKeyOrValueAccessor(() => L("Ce champ est obligatoire.", "This field is required."));
        messages.SetValueMustBeANumberAccessor(_ => L("Saisissez un nombre.", "Enter a number."));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L($"La valeur « {v} » n'est pas valide.", $"The value '{v}' is not valid."));
        messages.SetUnknownValueIsInvalidAccessor(_ => L("Cette valeur n'est pas valide.", "This value is not valid."));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => L("Cette valeur n'est pas valide.", "This value is not valid."));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => L("Saisissez un nombre.", "Enter a number."));
        messages.SetMissingRequestBodyRequiredValueAccessor(() => L("Le corps de la requête est vide.", "The request body is empty."));
    }
}
