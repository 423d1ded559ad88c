using CareReady.Core.Analytics;
using CareReady.Core.Analytics.Statistics;

namespace CareReady.Core.Tests.Analytics;

/// <summary>The impact statistics on small examples worked by hand.</summary>
public class ImpactStatisticsTests
{
    [Fact]
    public void Pearson_matches_the_hand_worked_value()
    {
        // dx = -2,-1,0,1,2; dy = -2,0,1,0,1; Σdxdy = 6, Σdx² = 10, Σdy² = 6 → r = 6 / √60.
        var r = ImpactStatistics.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(6 / Math.Sqrt(60), r, 10);
    }

    [Fact]
    public void Pearson_is_undefined_without_variance_or_with_fewer_than_three_units()
    {
        Assert.True(double.IsNaN(ImpactStatistics.Pearson([1, 2], [3, 4])));
        Assert.True(double.IsNaN(ImpactStatistics.Pearson([1, 1, 1], [3, 4, 5])));
        Assert.Null(ImpactStatistics.CorrelationWithInterval([1, 1, 1], [3, 4, 5]));
    }

    [Fact]
    public void A_perfect_line_has_r_one_and_a_bootstrap_interval_of_exactly_one()
    {
        var e = ImpactStatistics.CorrelationWithInterval([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12])!.Value;
        Assert.Equal((1.0, 1.0, 1.0), (Math.Round(e.Value, 12), Math.Round(e.Low, 12), Math.Round(e.High, 12)));
    }

    [Fact]
    public void The_bootstrap_interval_is_reproducible_for_a_seed_holds_r_and_varies_with_the_seed()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] y = [2, 1, 4, 3, 7, 5, 6, 9, 10, 8];
        var a = ImpactStatistics.CorrelationWithInterval(x, y, 2000, 7)!.Value;
        var b = ImpactStatistics.CorrelationWithInterval(x, y, 2000, 7)!.Value;
        var c = ImpactStatistics.CorrelationWithInterval(x, y, 2000, 8)!.Value;
        Assert.Equal(a, b);
        Assert.NotEqual(a.Low, c.Low);
        Assert.True(a.Low < a.Value && a.Value < a.High);
        Assert.True(a.ExcludesZero);
        Assert.True(a.High <= 1);
    }

    [Fact]
    public void Difference_in_differences_matches_the_hand_worked_welch_interval()
    {
        // Treated changes -1,-2,-3 (mean -2, variance 1); control 1,0,2 (mean 1, variance 1).
        // Estimate -3; SE = √(1/3 + 1/3) = 0.81650; Welch df = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4;
        // t(0.975, 4) = 2.776445 → half-width 2.266958.
        var d = ImpactStatistics.DifferenceInDifferences([-1, -2, -3], [1, 0, 2])!;
        Assert.Equal(-3, d.Effect.Value, 10);
        Assert.Equal(Math.Sqrt(2.0 / 3), d.StandardError, 10);
        Assert.Equal(4, d.DegreesOfFreedom, 10);
        Assert.Equal(-3 - 2.266958, d.Effect.Low, 5);
        Assert.Equal(-3 + 2.266958, d.Effect.High, 5);
        Assert.Equal((3, 3, -2.0, 1.0), (d.Treated, d.Control, d.TreatedMeanChange, d.ControlMeanChange));
    }

    [Fact]
    public void Difference_in_differences_needs_two_units_on_each_side()
    {
        Assert.Null(ImpactStatistics.DifferenceInDifferences([1], [1, 2]));
        Assert.Null(ImpactStatistics.DifferenceInDifferences([1, 2], []));
    }

    [Fact]
    public void A_fitted_line_goes_through_exact_points()
    {
        var (a, b) = ImpactStatistics.Line([0, 1, 2, 3], [80, 82, 84, 86]);
        Assert.Equal((80.0, 2.0), (Math.Round(a, 9), Math.Round(b, 9)));
        Assert.Equal((85.0, 0.0), ImpactStatistics.Line([3], [85]));
    }

    [Fact]
    public void Measure_change_is_the_mean_after_the_lag_minus_the_mean_up_to_the_anchor()
    {
        var values = new Dictionary<DateOnly, double>
        {
            [new(2026, 1, 1)] = 1, [new(2026, 2, 1)] = 2, [new(2026, 3, 1)] = 3,
            [new(2026, 4, 1)] = 10, [new(2026, 5, 1)] = 11, [new(2026, 6, 1)] = 12,
        };
        // Before Jan–Mar = 2, after Apr–Jun = 11.
        Assert.Equal(9, ImpactCalculator.MeasureChange(values, new(2026, 3, 1), 3, 1, MeasurePeriod.Month));
        // A lag of 2 needs July, which is missing.
        Assert.Null(ImpactCalculator.MeasureChange(values, new(2026, 3, 1), 3, 2, MeasurePeriod.Month));
    }

    [Fact]
    public void The_calculator_compares_pushed_units_with_the_others_around_the_push()
    {
        // Four units, months Jan–Apr, window 1, lag 1, push in February for units 1 and 2.
        // Measure change Feb → Mar: unit 1: 5→3 (-2), unit 2: 6→3 (-3), unit 3: 4→4 (0), unit 4: 5→6 (+1).
        // Compliance change Jan → Feb: +20, +30, 0, -10.
        static IReadOnlyDictionary<DateOnly, double> Series(params double[] v) =>
            v.Select((x, i) => (new DateOnly(2026, i + 1, 1), x)).ToDictionary(t => t.Item1, t => t.x);
        var input = new ImpactInput(MeasurePeriod.Month,
            new Dictionary<int, IReadOnlyDictionary<DateOnly, double>> { [1] = Series(5, 5, 3, 3), [2] = Series(6, 6, 3, 3), [3] = Series(4, 4, 4, 4), [4] = Series(5, 5, 6, 6) },
            new Dictionary<int, IReadOnlyDictionary<DateOnly, double>> { [1] = Series(70, 90, 90, 90), [2] = Series(60, 90, 90, 90), [3] = Series(80, 80, 80, 80), [4] = Series(90, 80, 80, 80) },
            new Dictionary<int, DateOnly> { [1] = new(2026, 2, 10), [2] = new(2026, 2, 3) },
            Window: 1);

        var result = ImpactCalculator.Run(input);

        Assert.Equal(new DateOnly(2026, 2, 1), result.Anchor);
        Assert.Equal([(20.0, -2.0), (30.0, -3.0), (0.0, 0.0), (-10.0, 1.0)], result.Units.Select(u => (u.ComplianceChange, u.MeasureChange)));
        // DiD: mean(-2, -3) - mean(0, 1) = -3.
        Assert.Equal(-3, result.DiD!.Effect.Value, 10);
        // x = 20, 30, 0, -10 (mean 10; dx 10, 20, -10, -20); y = -2, -3, 0, 1 (mean -1; dy -1, -2, 1, 2):
        // Σdxdy = -100, Σdx² = 1000, Σdy² = 10 → r = -1.
        Assert.Equal(-1, result.Association!.Value.Value, 10);
    }

    [Theory]
    [InlineData("2026-03", MeasurePeriod.Month, "2026-03-01")]
    [InlineData("2026-Q1", MeasurePeriod.Quarter, "2026-01-01")]
    [InlineData("2026-q4", MeasurePeriod.Quarter, "2026-10-01")]
    [InlineData("2026-Q5", MeasurePeriod.Quarter, null)]
    [InlineData("2026-3", MeasurePeriod.Month, null)]
    [InlineData("2026-03", MeasurePeriod.Quarter, null)]
    public void Periods_are_parsed_in_the_measures_own_form(string text, MeasurePeriod period, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Periods.Parse(text, period));
    }
}
