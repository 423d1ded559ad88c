namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// Dates as day numbers (<see cref="DateOnly.DayNumber"/>) with a table-driven <c>AddMonths</c> that
/// gives exactly <see cref="DateOnly.AddMonths"/> (the day of month is clamped to the month's length)
/// in a few array reads, so the hot loop never builds a <see cref="DateOnly"/>.
/// </summary>
public static class DayCalendar
{
    /// <summary>Stands for "no date" (no expiry, never left, no end).</summary>
    public const int None = int.MaxValue;

    private const int FirstYear = 1900;
    private const int Years = 300;
    private static readonly int Base = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int End = new DateOnly(FirstYear + Years, 1, 1).DayNumber;
    private static readonly int[] MonthOfDay = new int[End - Base];
    private static readonly byte[] DayOfMonth = new byte[End - Base];
    private static readonly int[] MonthStart = new int[(Years * 12) + 1];
    private static readonly byte[] MonthLength = new byte[(Years * 12) + 1];

#pragma warning disable CA1810 // The tables are filled once, in order.
    static DayCalendar()
#pragma warning restore CA1810
    {
        var m = 0;
        for (var y = FirstYear; y < FirstYear + Years; y++)
        {
            for (var month = 1; month <= 12; month++, m++)
            {
                var start = new DateOnly(y, month, 1).DayNumber;
                var length = DateTime.DaysInMonth(y, month);
                MonthStart[m] = start;
                MonthLength[m] = (byte)length;
                for (var d = 0; d < length; d++)
                {
                    MonthOfDay[start - Base + d] = m;
                    DayOfMonth[start - Base + d] = (byte)(d + 1);
                }
            }
        }

        MonthStart[m] = End;
        MonthLength[m] = 31;
    }

    public static int Day(DateOnly date) => date.DayNumber;

    public static int Day(DateOnly? date) => date is DateOnly d ? d.DayNumber : None;

    public static DateOnly Date(int day) => DateOnly.FromDayNumber(day);

    public static DateOnly? DateOrNull(int day) => day == None ? null : DateOnly.FromDayNumber(day);

    /// <summary>Same as <c>DateOnly.FromDayNumber(day).AddMonths(months).DayNumber</c>.</summary>
    public static int AddMonths(int day, int months)
    {
        var i = day - Base;
        if ((uint)i < (uint)MonthOfDay.Length)
        {
            var target = MonthOfDay[i] + months;
            if ((uint)target < (uint)(Years * 12))
            {
                var dom = DayOfMonth[i];
                var length = MonthLength[target];
                return MonthStart[target] + (dom < length ? dom : length) - 1;
            }
        }

        return DateOnly.FromDayNumber(day).AddMonths(months).DayNumber;
    }
}
