using CareReady.Core.Analytics.Statistics;

namespace CareReady.Core.Analytics;

/// <summary>One unit's numbers in an impact analysis.</summary>
/// <param name="ComplianceChange">Compliance (percentage points) at the end of the anchor period minus <c>Window</c> periods earlier.</param>
/// <param name="MeasureChange">Mean of the measure in the window after (starting <c>Lag</c> periods after the anchor) minus the window up to the anchor.</param>
/// <param name="Pushed">The unit received a training push in the subject.</param>
/// <param name="DidChange">For the before/after comparison: the same measure change around the unit's own push period (treated) or the anchor (control).</param>
public sealed record ImpactUnit(int DepartmentId, double ComplianceChange, double MeasureChange, bool Pushed, double? DidChange);

/// <summary>The inputs of <see cref="ImpactCalculator"/>: everything already reduced to numbers per unit and period.</summary>
/// <param name="Period">The measure's period.</param>
/// <param name="Measure">Per unit: value per period start.</param>
/// <param name="Compliance">Per unit: compliance (0–100) at the end of each period start, where anyone needs the subject.</param>
/// <param name="PushStarts">Units that received a push, with the period the push started in.</param>
/// <param name="Window">Periods averaged before and after (default 3 months or 1 quarter).</param>
/// <param name="Lag">Periods from the anchor to the start of the after window (1: the next period).</param>
public sealed record ImpactInput(
    MeasurePeriod Period,
    IReadOnlyDictionary<int, IReadOnlyDictionary<DateOnly, double>> Measure,
    IReadOnlyDictionary<int, IReadOnlyDictionary<DateOnly, double>> Compliance,
    IReadOnlyDictionary<int, DateOnly> PushStarts,
    int Window,
    int Lag = 1);

/// <summary>What the numbers say.</summary>
/// <param name="Anchor">The period whose end divides before from after (the median push period, or the latest period that leaves a full after window).</param>
/// <param name="Association">Correlation across units between compliance change and the later measure change, with a bootstrap 95% interval.</param>
/// <param name="DiD">Pushed units' measure change minus the others', with a 95% interval.</param>
public sealed record ImpactResult(
    DateOnly? Anchor,
    int Window,
    int Lag,
    IReadOnlyList<ImpactUnit> Units,
    Estimate? Association,
    DiffInDiff? DiD);

/// <summary>
/// The impact analysis on numbers: a lagged association across units and a difference-in-differences
/// for pushed units against the rest. Pure: the database work is in <see cref="AnalyseImpact"/>.
/// </summary>
public static class ImpactCalculator
{
    public static ImpactResult Run(ImpactInput input, int resamples = ImpactStatistics.DefaultResamples, int seed = ImpactStatistics.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = Math.Max(1, input.Window);
        var lag = Math.Max(1, input.Lag);
        var periods = input.Measure.Values.SelectMany(v => v.Keys).Distinct().Order().ToList();
        if (periods.Count == 0)
        {
            return new ImpactResult(null, w, lag, [], null, null);
        }

        var anchor = AnchorFor(input, periods, w, lag);
        var units = new List<ImpactUnit>();
        foreach (var (unit, values) in input.Measure.OrderBy(u => u.Key))
        {
            if (!input.Compliance.TryGetValue(unit, out var compliance)
                || !compliance.TryGetValue(anchor, out var now)
                || !compliance.TryGetValue(Periods.Add(anchor, -w, input.Period), out var then)
                || MeasureChange(values, anchor, w, lag, input.Period) is not double change)
            {
                continue;
            }

            var pushed = input.PushStarts.TryGetValue(unit, out var pushStart);
            var unitDid = MeasureChange(values, pushed ? Periods.StartOf(pushStart, input.Period) : anchor, w, lag, input.Period);
            units.Add(new ImpactUnit(unit, now - then, change, pushed, unitDid));
        }

        var association = ImpactStatistics.CorrelationWithInterval(
            units.Select(u => u.ComplianceChange).ToList(), units.Select(u => u.MeasureChange).ToList(), resamples, seed);
        var did = input.PushStarts.Count == 0 ? null : ImpactStatistics.DifferenceInDifferences(
            units.Where(u => u.Pushed && u.DidChange is not null).Select(u => u.DidChange!.Value).ToList(),
            units.Where(u => !u.Pushed && u.DidChange is not null).Select(u => u.DidChange!.Value).ToList());
        return new ImpactResult(anchor, w, lag, units, association, did);
    }

    /// <summary>Mean over the after window (anchor + lag … + window − 1) minus mean over the window ending at the anchor; null when either is incomplete.</summary>
    public static double? MeasureChange(IReadOnlyDictionary<DateOnly, double> values, DateOnly anchor, int window, int lag, MeasurePeriod period)
    {
        ArgumentNullException.ThrowIfNull(values);
        double before = 0, after = 0;
        for (var i = 0; i < window; i++)
        {
            if (!values.TryGetValue(Periods.Add(anchor, -i, period), out var b) || !values.TryGetValue(Periods.Add(anchor, lag + i, period), out var a))
            {
                return null;
            }

            before += b;
            after += a;
        }

        return (after - before) / window;
    }

    private static DateOnly AnchorFor(ImpactInput input, List<DateOnly> periods, int w, int lag)
    {
        if (input.PushStarts.Count > 0)
        {
            var starts = input.PushStarts.Values.Select(d => Periods.StartOf(d, input.Period)).Order().ToList();
            return starts[(starts.Count - 1) / 2];
        }

        // No push recorded: the latest period that still leaves a full window after it.
        var latest = Periods.Add(periods[^1], -(lag + w - 1), input.Period);
        return latest < periods[0] ? periods[0] : latest;
    }
}
