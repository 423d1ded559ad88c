using System.Globalization;
using CareReady.Core.Reports;

namespace CareReady.Core.Analytics;

/// <summary>The national heatmap as CSV: one row per organisation (and the total) and subject, the same numbers as the table.</summary>
public static class NationalHeatmapCsv
{
    public static void Write(NationalHeatmapView view, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var csv = SpreadsheetCsv.Create(output);
        foreach (var header in new[] { "Day", "Organisation code", "Organisation", "People", "Subject code", "Subject", "Required", "Compliant", "Percent" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var row in view.Organisations.Append(view.Total))
        {
            foreach (var s in view.Subjects.Where(s => row.BySubject.ContainsKey(s.Id)))
            {
                var f = row.BySubject[s.Id];
                csv.WriteField(view.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(row.Code);
                csv.WriteField(row.Name);
                csv.WriteField(row.People.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(s.Code);
                csv.WriteField(s.Name);
                csv.WriteField(f.Required.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(f.Compliant.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(f.Percent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }
    }
}
