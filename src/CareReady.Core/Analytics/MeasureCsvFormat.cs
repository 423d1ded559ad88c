using CareReady.Core.Workforce.Import;

namespace CareReady.Core.Analytics;

/// <summary>
/// The measure values file: one row per measure × department × period. The single source of truth for
/// the columns (reader, import page and README). Columns not listed here are ignored.
/// </summary>
public static class MeasureCsvFormat
{
    public const string MeasureCode = "Measure Code";
    public const string DepartmentCode = "Department Code";
    public const string Period = "Period";
    public const string Value = "Value";

    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new(MeasureCode, true, "the code of one of the organisation's measures (any case)", "HAI"),
        new(DepartmentCode, true, "the code of one of the organisation's departments (any case)", "WARD-7A"),
        new(Period, true, "YYYY-MM for a monthly measure, YYYY-Qn for a quarterly one; one row per measure, department and period", "2026-03"),
        new(Value, true, "a number with '.' as the decimal point (no thousands separators, no units)", "3.25"),
    ];

    public static string HeaderLine { get; } = string.Join(",", Columns.Select(c => c.Header));
}
