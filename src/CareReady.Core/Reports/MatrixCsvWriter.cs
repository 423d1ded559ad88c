using System.Globalization;

namespace CareReady.Core.Reports;

/// <summary>
/// The training matrix as CSV (UTF-8 with a byte-order mark, so Excel reads names correctly): a header,
/// one row per person with three columns per competency ("&lt;code&gt; status", "&lt;code&gt; completed",
/// "&lt;code&gt; expires" — the expiry; the due date for someone never trained; the end of an exemption), then a blank line and
/// the summary per subject. Dates are YYYY-MM-DD.
/// </summary>
public static class MatrixCsvWriter
{
    public static readonly string[] PersonHeaders = ["Last name", "First name", "Employee number", "Department", "Job role", "Staff group"];

    public static readonly string[] SummaryHeaders = ["Subject code", "Subject", "Required", "Compliant", "Percent compliant", "Target percent", "Target met"];

    public static void Write(TrainingMatrix matrix, Stream output)
    {
        using var csv = SpreadsheetCsv.Create(output);

        foreach (var header in PersonHeaders)
        {
            csv.WriteField(header);
        }

        foreach (var column in matrix.Columns)
        {
            csv.WriteField(column.Code + " status");
            csv.WriteField(column.Code + " completed");
            csv.WriteField(column.Code + " expires");
        }

        csv.NextRecord();

        foreach (var row in matrix.Rows)
        {
            csv.WriteField(row.LastName);
            csv.WriteField(row.FirstName);
            csv.WriteField(row.EmployeeNumber);
            csv.WriteField(row.Department);
            csv.WriteField(row.JobRole);
            csv.WriteField(row.StaffGroup);
            foreach (var cell in row.Cells)
            {
                csv.WriteField(cell.Status);
                csv.WriteField(Date(cell.Completed));
                csv.WriteField(Date(cell.ExpiresOrDue));
            }

            csv.NextRecord();
        }

        csv.NextRecord();
        foreach (var header in SummaryHeaders)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var subject in matrix.Summary)
        {
            csv.WriteField(subject.SubjectCode);
            csv.WriteField(subject.SubjectName);
            csv.WriteField(subject.Required.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(subject.Compliant.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(subject.Percent.ToString("0.0", CultureInfo.InvariantCulture));
            csv.WriteField(subject.TargetPercent.ToString("0.#", CultureInfo.InvariantCulture));
            csv.WriteField(subject.MeetsTarget ? "Yes" : "No");
            csv.NextRecord();
        }

        csv.Flush();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
