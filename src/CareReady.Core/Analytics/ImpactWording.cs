using System.Globalization;
using CareReady.Core.Competencies;

namespace CareReady.Core.Analytics;

/// <summary>What the impact numbers can and cannot show, in plain words.</summary>
public static class ImpactWording
{
    public static IReadOnlyList<string> Describe(PerformanceMeasure measure, Subject subject, ImpactResult result)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.GetCultureInfo("en-GB");
        var lines = new List<string>();
        var unit = string.IsNullOrEmpty(measure.Unit) ? "" : " " + measure.Unit;
        var span = measure.Period == MeasurePeriod.Month ? $"{result.Window} month{(result.Window == 1 ? "" : "s")}" : $"{result.Window} quarter{(result.Window == 1 ? "" : "s")}";

        if (result.Association is { } a && result.Anchor is { } anchor)
        {
            var direction = a.Value < 0 ? "fall" : "rise";
            var good = (a.Value < 0) != measure.HigherIsBetter ? "improve" : "worsen";
            lines.Add(a.ExcludesZero
                ? string.Format(c, "Across {0} units, those whose {1} compliance rose more in the {2} to {3} tended to see {4} {5} (so {6}) in the {2} after (r = {7:0.00}, 95% interval {8:0.00} to {9:0.00}).",
                    result.Units.Count, subject.Name, span, Periods.Label(anchor, measure.Period), measure.Name, direction, good, a.Value, a.Low, a.High)
                : string.Format(c, "Across {0} units there is no clear link between the change in {1} compliance and the later change in {2}: r = {3:0.00}, and the 95% interval ({4:0.00} to {5:0.00}) includes zero.",
                    result.Units.Count, subject.Name, measure.Name, a.Value, a.Low, a.High));
        }
        else
        {
            lines.Add("There are not enough units with both compliance and measure values before and after to estimate an association (at least three are needed).");
        }

        if (result.DiD is { } d)
        {
            var better = (d.Effect.Value < 0) != measure.HigherIsBetter;
            lines.Add(d.Effect.ExcludesZero
                ? string.Format(c, "Units that received a training push in {0} ({1}) changed by {2:+0.00;-0.00}{3} more than the other {4} units over the same time (95% interval {5:+0.00;-0.00} to {6:+0.00;-0.00}): {7}.",
                    subject.Name, d.Treated, d.Effect.Value, unit, d.Control, d.Effect.Low, d.Effect.High, better ? "an improvement" : "a deterioration")
                : string.Format(c, "Units that received a training push in {0} ({1}) did not clearly change differently from the other {2} units: the difference is {3:+0.00;-0.00}{4} and its 95% interval ({5:+0.00;-0.00} to {6:+0.00;-0.00}) includes zero.",
                    subject.Name, d.Treated, d.Control, d.Effect.Value, unit, d.Effect.Low, d.Effect.High));
        }
        else
        {
            lines.Add($"No before/after comparison: it needs at least two units with a recorded {subject.Name} training push and two without, each with values before and after.");
        }

        lines.Add("These figures show association, not proof of cause. Units that improved their training may differ in other ways — staffing, case mix, other initiatives at the same time — and the before/after comparison assumes pushed and other units would otherwise have moved in parallel. Use them to ask better questions, not to settle them.");
        return lines;
    }
}
