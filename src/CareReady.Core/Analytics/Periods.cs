namespace CareReady.Core.Analytics;

/// <summary>Calendar arithmetic for measure periods (a period is named by its first day).</summary>
public static class Periods
{
    public static DateOnly StartOf(DateOnly day, MeasurePeriod period) => period == MeasurePeriod.Month
        ? new DateOnly(day.Year, day.Month, 1)
        : new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);

    public static DateOnly Add(DateOnly start, int count, MeasurePeriod period) =>
        start.AddMonths(period == MeasurePeriod.Month ? count : 3 * count);

    /// <summary>The last day of the period.</summary>
    public static DateOnly EndOf(DateOnly start, MeasurePeriod period) => Add(start, 1, period).AddDays(-1);

    /// <summary>"2026-03" for a month, "2026-Q1" for a quarter.</summary>
    public static string Label(DateOnly start, MeasurePeriod period) => period == MeasurePeriod.Month
        ? start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.Year}-Q{((start.Month - 1) / 3) + 1}");

    /// <summary>Parses "2026-03" (month) or "2026-Q1" (quarter) for the measure's period; null when it does not fit.</summary>
    public static DateOnly? Parse(string text, MeasurePeriod period)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (period == MeasurePeriod.Month)
        {
            return DateOnly.TryParseExact(t, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : null;
        }

        if (t.Length == 7 && t[4] == '-' && (t[5] == 'Q' || t[5] == 'q') && int.TryParse(t.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2999 && t[6] is >= '1' and <= '4')
        {
            return new DateOnly(year, ((t[6] - '1') * 3) + 1, 1);
        }

        return null;
    }
}
