using Incubator.BuildingBlocks.Application;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Trainings.Domain;

/// <summary>
/// "The first Thursday of each month, 9:30–17:00, skipping August": the first date gives the weekday,
/// its rank in the month (first … fourth, or last when it falls in the month's last seven days and is a fifth)
/// and the Paris wall-clock time, which stays the same across daylight-saving changes.
/// </summary>
internal static class MonthlySeries
{
    public const int MaxCount = 24;

    public static IReadOnlyList<DateTimeOffset> Starts(DateTimeOffset firstStartsAt, int count, IReadOnlyCollection<int> skippedMonths)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new DomainException(L($"Entre 1 et {MaxCount} sessions.", $"Between 1 and {MaxCount} sessions."), "count");
        }

        if (skippedMonths.Count >= 12 || skippedMonths.Any(m => m is < 1 or > 12))
        {
            throw new DomainException(L("Mois à sauter : des nombres de 1 à 12, pas tous.", "Months to skip: numbers from 1 to 12, not all of them."), "skipMonths");
        }

        var first = ParisTime.ToLocal(firstStartsAt);
        var rank = (first.Day - 1) / 7 + 1; // 1..5; a fifth weekday means "the last one of the month"
        var starts = new List<DateTimeOffset> { ParisTime.FromLocal(first) };
        var month = new DateTime(first.Year, first.Month, 1);
        while (starts.Count < count)
        {
            month = month.AddMonths(1);
            if (skippedMonths.Contains(month.Month))
            {
                continue;
            }

            var day = NthWeekday(month.Year, month.Month, first.DayOfWeek, rank);
            starts.Add(ParisTime.FromLocal(day.ToDateTime(TimeOnly.FromDateTime(first))));
        }

        return starts;
    }

    public static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int rank)
    {
        var firstOfMonth = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)firstOfMonth.DayOfWeek + 7) % 7;
        var day = firstOfMonth.AddDays(offset + (Math.Min(rank, 5) - 1) * 7);
        while (day.Month != month)
        {
            day = day.AddDays(-7); // no fifth one this month: the last
        }

        return day;
    }
}
