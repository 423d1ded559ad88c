namespace CareReady.Core.Compliance.Engine;

/// <summary>Nearest-rank percentiles for benchmark timings (NaN for no values).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Of(values, 50);
}
