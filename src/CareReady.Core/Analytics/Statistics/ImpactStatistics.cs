using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace CareReady.Core.Analytics.Statistics;

/// <summary>A point estimate with a two-sided 95% interval.</summary>
public readonly record struct Estimate(double Value, double Low, double High)
{
    /// <summary>True when the interval leaves zero out (the data rule out "no difference" at the 5% level).</summary>
    public bool ExcludesZero => Low > 0 || High < 0;

    public bool Contains(double value) => Low <= value && value <= High;
}

/// <summary>A difference-in-differences estimate: treated units' mean change minus control units' mean change.</summary>
/// <param name="Effect">The estimate and its Welch t interval.</param>
/// <param name="TreatedMeanChange">Mean after − before in the units that received the push.</param>
/// <param name="ControlMeanChange">Mean after − before in the units that did not.</param>
/// <param name="StandardError">sqrt(s²t/nt + s²c/nc).</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite.</param>
public sealed record DiffInDiff(Estimate Effect, int Treated, int Control, double TreatedMeanChange, double ControlMeanChange, double StandardError, double DegreesOfFreedom);

/// <summary>
/// The statistics of the impact view, pure and deterministic (MathNet.Numerics underneath):
/// Pearson correlation with a BCa bootstrap interval over units (seeded), and a two-group
/// difference-in-differences on per-unit before/after changes with a Welch t interval.
/// </summary>
public static class ImpactStatistics
{
    /// <summary>Bootstrap resamples: enough for stable 2.5% / 97.5% percentiles.</summary>
    public const int DefaultResamples = 4000;

    /// <summary>Seed of the bootstrap's random draws: the same data always gives the same interval.</summary>
    public const int DefaultSeed = 20260331;

    /// <summary>Pearson's r; NaN when either side has no variance or fewer than 3 pairs.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        return x.Count < 3 ? double.NaN : Correlation.Pearson(x, y);
    }

    /// <summary>
    /// Pearson's r with a 95% BCa bootstrap interval: units (pairs) are resampled with replacement;
    /// resamples whose r is undefined (no variance) are skipped. Null when r itself is undefined.
    /// </summary>
    public static Estimate? CorrelationWithInterval(IReadOnlyList<double> x, IReadOnlyList<double> y, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        var r = Pearson(x, y);
        if (double.IsNaN(r))
        {
            return null;
        }

        var n = x.Count;
        var random = new MersenneTwister(seed);
        var rs = new List<double>(resamples);
        var bx = new double[n];
        var by = new double[n];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                var pick = random.Next(n);
                bx[i] = x[pick];
                by[i] = y[pick];
            }

            var value = Correlation.Pearson(bx, by);
            if (!double.IsNaN(value))
            {
                rs.Add(value);
            }
        }

        var sorted = rs.ToArray();
        Array.Sort(sorted);
        var (low, high) = BcaLevels(x, y, r, sorted);
        return new Estimate(r, SortedArrayStatistics.Quantile(sorted, low), SortedArrayStatistics.Quantile(sorted, high));
    }

    /// <summary>
    /// The bias-corrected and accelerated (BCa, Efron 1987) percentile levels for a 95% interval: the bias
    /// correction from the share of replicates below r, the acceleration from a jackknife over units. Plain
    /// percentiles cover too little with the 15–40 units of a trust (measured: ~11% false alarms instead of 5%).
    /// </summary>
    private static (double Low, double High) BcaLevels(IReadOnlyList<double> x, IReadOnlyList<double> y, double r, double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return (0.025, 0.975);
        }

        double below = 0;
        foreach (var v in sorted)
        {
            below += v < r ? 1 : v == r ? 0.5 : 0;
        }

        var share = Math.Clamp(below / sorted.Length, 0.5 / sorted.Length, 1 - (0.5 / sorted.Length));
        var z0 = Normal.InvCDF(0, 1, share);

        var n = x.Count;
        var jack = new List<double>(n);
        var jx = new double[n - 1];
        var jy = new double[n - 1];
        for (var leave = 0; leave < n; leave++)
        {
            for (int i = 0, k = 0; i < n; i++)
            {
                if (i != leave)
                {
                    jx[k] = x[i];
                    jy[k++] = y[i];
                }
            }

            var value = Correlation.Pearson(jx, jy);
            if (!double.IsNaN(value))
            {
                jack.Add(value);
            }
        }

        var a = 0.0;
        if (jack.Count > 2)
        {
            var mean = jack.Average();
            double num = 0, den = 0;
            foreach (var j in jack)
            {
                var d = mean - j;
                num += d * d * d;
                den += d * d;
            }

            a = den == 0 ? 0 : num / (6 * Math.Pow(den, 1.5));
        }

        double Level(double alpha)
        {
            var z = Normal.InvCDF(0, 1, alpha);
            return Normal.CDF(0, 1, z0 + ((z0 + z) / (1 - (a * (z0 + z)))));
        }

        return (Level(0.025), Level(0.975));
    }

    /// <summary>
    /// Difference-in-differences from per-unit changes (after − before): mean(treated) − mean(control),
    /// with a 95% Welch t interval. Null unless each group has at least two units.
    /// </summary>
    public static DiffInDiff? DifferenceInDifferences(IReadOnlyList<double> treatedChanges, IReadOnlyList<double> controlChanges)
    {
        ArgumentNullException.ThrowIfNull(treatedChanges);
        ArgumentNullException.ThrowIfNull(controlChanges);
        int nt = treatedChanges.Count, nc = controlChanges.Count;
        if (nt < 2 || nc < 2)
        {
            return null;
        }

        var mt = treatedChanges.Mean();
        var mc = controlChanges.Mean();
        var vt = treatedChanges.Variance() / nt;
        var vc = controlChanges.Variance() / nc;
        var se = Math.Sqrt(vt + vc);
        var estimate = mt - mc;
        if (se == 0)
        {
            return new DiffInDiff(new Estimate(estimate, estimate, estimate), nt, nc, mt, mc, 0, nt + nc - 2);
        }

        var df = ((vt + vc) * (vt + vc)) / ((vt * vt / (nt - 1)) + (vc * vc / (nc - 1)));
        var t = StudentT.InvCDF(0, 1, df, 0.975);
        return new DiffInDiff(new Estimate(estimate, estimate - (t * se), estimate + (t * se)), nt, nc, mt, mc, se, df);
    }

    /// <summary>
    /// Least-squares straight line through (x, y) — for forecasts. Returns (intercept, slope); slope 0
    /// through the mean when x has no spread.
    /// </summary>
    public static (double Intercept, double Slope) Line(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0)
        {
            return (double.NaN, 0);
        }

        if (x.Count == 1 || x.Variance() == 0)
        {
            return (y.Mean(), 0);
        }

        var (a, b) = MathNet.Numerics.Fit.Line(x.ToArray(), y.ToArray());
        return (a, b);
    }
}
