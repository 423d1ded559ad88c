using System.Globalization;

namespace CareReady.Core.Regulation;

/// <summary>
/// The people a change affects as CSV (UTF-8 with a byte-order mark, so Excel reads names correctly): one
/// row per certification that rests on the old guideline version, in the order of
/// <see cref="PreviewChange.ListAsync"/>. Dates are YYYY-MM-DD; text that a spreadsheet would read as a
/// formula is escaped.
/// </summary>
public static class AffectedListCsvWriter
{
    public static readonly string[] Headers =
        ["Employee number", "Last name", "First name", "Departments", "Staff groups", "Competency code", "Competency", "Completed", "Module", "Module version"];

    public static void Write(IEnumerable<AffectedPerson> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Reports.SpreadsheetCsv.Create(output);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.EmployeeNumber);
            csv.WriteField(row.LastName);
            csv.WriteField(row.FirstName);
            csv.WriteField(row.Departments);
            csv.WriteField(row.StaffGroups);
            csv.WriteField(row.CompetencyCode);
            csv.WriteField(row.Competency);
            csv.WriteField(row.CompletedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(row.Module);
            csv.WriteField(row.ModuleVersion.ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    /// <summary>The download's file name, e.g. <c>change-12-affected-2026-03-02.csv</c>.</summary>
    public static string FileName(int changeId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"change-{changeId}-affected-{day:yyyy-MM-dd}.csv");
}
