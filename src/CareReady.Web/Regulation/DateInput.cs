using System.Globalization;

namespace CareReady.Web.Regulation;

/// <summary>
/// One NHS.UK date input (day, month and year boxes) as the page shows it: the three texts, the error, and
/// which boxes to mark. <see cref="Parse"/> follows the design system's rules for messages.
/// </summary>
public sealed class DateInput(string id, string legend, string hint)
{
    public string Id { get; } = id;
    public string Legend { get; } = legend;
    public string Hint { get; } = hint;
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Error { get; set; }
    public HashSet<string> Wrong { get; } = [];

    /// <summary>The id of the first box to focus from the error summary.</summary>
    public string FirstWrongId => $"{Id}-{Parts.FirstOrDefault(Wrong.Contains) ?? "day"}";

    private static readonly string[] Parts = ["day", "month", "year"];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public void Set(DateOnly? date)
    {
        Day = date?.Day.ToString(CultureInfo.InvariantCulture);
        Month = date?.Month.ToString(CultureInfo.InvariantCulture);
        Year = date?.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The date, or null with <see cref="Error"/> set (<paramref name="missing"/> when all three boxes are empty).</summary>
    public DateOnly? Parse(string missing)
    {
        var parts = new[] { ("day", Day), ("month", Month), ("year", Year) };
        if (IsEmpty)
        {
            Wrong.UnionWith(Parts);
            Error = missing;
            return null;
        }

        var absent = parts.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (absent.Count > 0)
        {
            Wrong.UnionWith(absent);
            Error = $"{Legend} must include a {string.Join(" and a ", absent)}";
            return null;
        }

        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            | !int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            | !int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            Wrong.UnionWith(Parts);
            Error = $"{Legend} must be a real date, for example 27 3 2026";
            return null;
        }

        return new DateOnly(y, m, d);
    }

    /// <summary>Shows a use case's message for the whole date.</summary>
    public void Fail(string message)
    {
        Wrong.UnionWith(Parts);
        Error = message;
    }
}
