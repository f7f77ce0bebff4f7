namespace Incubator.Applications.Domain;

/// <summary>The French department codes: 01–19, 2A, 2B, 21–95 and the overseas departments 971–974 and 976.</summary>
internal static class Departments
{
    private static readonly HashSet<string> Codes = BuildCodes();

    public static bool IsValid(string? code) => code is not null && Codes.Contains(code.Trim().ToUpperInvariant());

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static HashSet<string> BuildCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal) { "2A", "2B", "971", "972", "973", "974", "976" };
        for (var n = 1; n <= 95; n++)
        {
            if (n != 20)
            {
                codes.Add(n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return codes;
    }
}
