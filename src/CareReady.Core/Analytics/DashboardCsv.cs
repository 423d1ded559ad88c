using System.Globalization;
using CareReady.Core.Reports;

namespace CareReady.Core.Analytics;

/// <summary>The data behind each dashboard chart as CSV (the same numbers as the chart's table).</summary>
public static class DashboardCsv
{
    public static readonly IReadOnlyList<string> Charts = ["trend", "heatmap", "risk", "ai-readiness", "engagement", "simulation"];

    /// <returns>False for an unknown chart name.</returns>
    public static bool TryWrite(Dashboard dashboard, string chart, Stream output)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        using var csv = SpreadsheetCsv.Create(output);
        void Row(params object?[] cells)
        {
            foreach (var c in cells)
            {
                csv.WriteField(c switch
                {
                    null => "",
                    double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                    decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(c, CultureInfo.InvariantCulture),
                });
            }

            csv.NextRecord();
        }

        switch (chart)
        {
            case "trend":
                Row("Day", "Subject code", "Subject", "Required", "Compliant", "Percent", "Target");
                foreach (var m in dashboard.Trend)
                {
                    foreach (var s in dashboard.Subjects.Where(s => m.BySubject.ContainsKey(s.Id)))
                    {
                        var f = m.BySubject[s.Id];
                        Row(m.Day, s.Code, s.Name, f.Required, f.Compliant, f.Percent, s.TargetPercent);
                    }
                }

                break;
            case "heatmap":
                Row("Department code", "Department", "Subject code", "Subject", "Required", "Compliant", "Percent", "Target");
                foreach (var h in dashboard.Heatmap)
                {
                    foreach (var s in dashboard.Subjects.Where(s => h.BySubject.ContainsKey(s.Id)))
                    {
                        var f = h.BySubject[s.Id];
                        Row(h.Unit.Code, h.Unit.Name, s.Code, s.Name, f.Required, f.Compliant, f.Percent, s.TargetPercent);
                    }
                }

                break;
            case "risk":
                Row("Department code", "Department", "People in patient-facing or registered roles", "People with gaps", "Weighted gaps", "Weighted gaps per 10 people");
                foreach (var r in dashboard.Risk)
                {
                    Row(r.Unit.Code, r.Unit.Name, r.PeopleInScope, r.PeopleWithGaps, r.WeightedGaps, r.PerTenPeople);
                }

                break;
            case "ai-readiness":
                Row("Department code", "Department", "Staff", "AI capability level 1+", "AI capability level 2+", "AI-readiness index", "Simulation reliance");
                foreach (var a in dashboard.AiReadiness)
                {
                    Row(a.Unit.Code, a.Unit.Name, a.Staff, a.AtLevel1, a.AtLevel2, a.Index, a.SimulationReliance);
                }

                break;
            case "simulation":
                Row("Department code", "Department", "People who played", "Runs completed", "AI decisions", "Accuracy when the AI was right", "Accuracy when the AI was wrong", "Over-reliance rate", "Under-reliance rate");
                foreach (var x in dashboard.Simulation)
                {
                    Row(x.Unit.Code, x.Unit.Name, x.Players, x.Runs, x.AiDecisions, x.AccuracyWhenAiRight, x.AccuracyWhenAiWrong, x.OverRelianceRate, x.UnderRelianceRate);
                }

                break;
            case "engagement":
                Row("Department code", "Department", "Staff", "Active learners", "Active percent", "Completions", "Minutes learned", "Modules started", "Modules completed", "Completion rate");
                foreach (var e in dashboard.Engagement)
                {
                    Row(e.Unit.Code, e.Unit.Name, e.Staff, e.ActiveLearners, e.ActivePercent, e.Completions, e.MinutesLearned, e.ModulesStarted, e.ModulesCompleted, e.CompletionRate);
                }

                break;
            default:
                return false;
        }

        return true;
    }

    public static void WriteImpact(ImpactReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = SpreadsheetCsv.Create(output);
        foreach (var h in new[] { "Department code", "Department", "Training push", "Push starts", "Compliance change (pp)", "Measure change" })
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var u in report.Units)
        {
            csv.WriteField(u.Code);
            csv.WriteField(u.Name);
            csv.WriteField(u.Pushed ? "yes" : "no");
            csv.WriteField(u.PushStarts?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(u.ComplianceChange.ToString("0.##", CultureInfo.InvariantCulture));
            csv.WriteField(u.MeasureChange.ToString("0.###", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }
}
