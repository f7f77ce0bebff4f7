namespace Incubator.BuildingBlocks.Application;

/// <summary>One cell of the semicolon-separated exports that spreadsheets open.</summary>
public static class CsvCell
{
    /// <summary>Quoted when needed; a leading =, +, - or @ would run as a formula in a spreadsheet, so it is escaped.</summary>
    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
