using System.Globalization;

namespace Incubator.BuildingBlocks.Application;

/// <summary>
/// The UI speaks French first and English second: each text is written in both, side by side,
/// and the request's culture picks one (see docs/adr/0003-two-languages-inline.md).
/// </summary>
public static class Texts
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string L(string french, string english) => IsEnglish ? english : french;
}

/// <summary>France's time, for dates people read and deadlines they set.</summary>
public static class ParisTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()));

    /// <summary>A wall-clock time in Paris (as typed in a form) as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("g", CultureInfo.CurrentCulture);
}
