using FluentValidation;
using Incubator.Trainings.Domain;

namespace Incubator.Trainings.Features;

/// <summary>The rules of a venue or a trainer typed in, alone or inside a session (field names prefixed accordingly).</summary>
internal static class ListRules
{
    public static void Venue<T>(AbstractValidator<T> validator, Func<T, VenueInput?> venue, string prefix)
    {
        validator.RuleFor(r => venue(r)!.Name).NotEmpty().MaximumLength(200).When(r => venue(r) is not null).OverridePropertyName(prefix + "name");
        validator.RuleFor(r => venue(r)!.Town).NotEmpty().MaximumLength(100).When(r => venue(r) is not null).OverridePropertyName(prefix + "town");
        validator.RuleFor(r => venue(r)!.Address).MaximumLength(300).When(r => venue(r) is not null).OverridePropertyName(prefix + "address");
        validator.RuleFor(r => venue(r)!.AccessibilityNotes).MaximumLength(2000).When(r => venue(r) is not null).OverridePropertyName(prefix + "accessibilityNotes");
    }

    public static void Trainer<T>(AbstractValidator<T> validator, Func<T, TrainerInput?> trainer, string prefix)
    {
        validator.RuleFor(r => trainer(r)!.Name).NotEmpty().MaximumLength(200).When(r => trainer(r) is not null).OverridePropertyName(prefix + "name");
        validator.RuleFor(r => trainer(r)!.Organisation).MaximumLength(200).When(r => trainer(r) is not null).OverridePropertyName(prefix + "organisation");
    }
}

/// <summary>The fields a session and a series share: what, how many, how, with whom, where.</summary>
internal static class SessionRules
{
    public static void Common<T>(AbstractValidator<T> validator, Func<T, string?> title, Func<T, string?> topic, Func<T, int?> capacity, Func<T, string?> mode,
        Func<T, VenueInput?> venue, Func<T, TrainerInput?> trainer)
    {
        validator.RuleFor(r => title(r)).NotEmpty().MaximumLength(TrainingSession.TitleMax).OverridePropertyName("title");
        validator.RuleFor(r => topic(r)).MaximumLength(2000).OverridePropertyName("topic");
        validator.RuleFor(r => capacity(r)).NotNull().InclusiveBetween(1, TrainingSession.MaxCapacity).OverridePropertyName("capacity");
        validator.RuleFor(r => mode(r)).NotEmpty().IsEnumName(typeof(TrainingMode), caseSensitive: false).OverridePropertyName("mode");
        ListRules.Venue(validator, venue, "venue.");
        ListRules.Trainer(validator, trainer, "trainer.");
    }
}
