namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// How good a stream of probability predictions is against what happened: log loss, RMSE(bins)
/// (predictions grouped into 20 equal-width bins of predicted probability; the root of the
/// count-weighted mean squared gap between mean prediction and observed share per bin — a
/// calibration error) and AUC (how well predictions rank right answers above wrong ones).
/// </summary>
public sealed class PredictionMetrics
{
    private const int Bins = 20;
    private const double Clip = 1e-6;
    private readonly List<(double P, bool Y)> _all = [];

    public int Count => _all.Count;

    public void Add(double probability, bool outcome) => _all.Add((probability, outcome));

    public double LogLoss()
    {
        if (_all.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var (p, y) in _all)
        {
            var q = Math.Clamp(p, Clip, 1 - Clip);
            sum -= y ? Math.Log(q) : Math.Log(1 - q);
        }

        return sum / _all.Count;
    }

    public double RmseBins()
    {
        var count = new double[Bins];
        var predicted = new double[Bins];
        var observed = new double[Bins];
        foreach (var (p, y) in _all)
        {
            var bin = Math.Min(Bins - 1, (int)(p * Bins));
            count[bin]++;
            predicted[bin] += p;
            observed[bin] += y ? 1 : 0;
        }

        double total = 0, weighted = 0;
        for (var b = 0; b < Bins; b++)
        {
            if (count[b] > 0)
            {
                var gap = (predicted[b] - observed[b]) / count[b];
                weighted += count[b] * gap * gap;
                total += count[b];
            }
        }

        return total == 0 ? double.NaN : Math.Sqrt(weighted / total);
    }

    /// <summary>Area under the ROC curve (Mann–Whitney, ties counted half).</summary>
    public double Auc()
    {
        var sorted = _all.OrderBy(x => x.P).ToArray();
        double positives = sorted.Count(x => x.Y), negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].P == sorted[i].P)
            {
                j++;
            }

            var averageRank = ((i + 1) + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                rankSum += sorted[k].Y ? averageRank : 0;
            }

            i = j;
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
