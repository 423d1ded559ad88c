namespace CareReady.Core.Simulation.Model;

/// <summary>One bin of a reliability diagram: predicted probabilities in [From, To), their mean, and the observed share.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanPredicted, double Observed);

/// <summary>Discrimination and calibration of probability predictions against outcomes.</summary>
public static class ModelMetrics
{
    /// <summary>Area under the ROC curve: the chance a random positive is ranked above a random negative (ties count half).</summary>
    public static double Auroc(IReadOnlyList<(double Probability, bool Outcome)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var sorted = predictions.OrderBy(p => p.Probability).ToList();
        long positives = sorted.Count(p => p.Outcome);
        long negatives = sorted.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        // Mann–Whitney U with average ranks for ties.
        double rankSum = 0;
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].Probability.Equals(sorted[i].Probability))
            {
                j++;
            }

            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (sorted[k].Outcome)
                {
                    rankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Mean squared difference between the probability and the outcome (0 best).</summary>
    public static double Brier(IReadOnlyList<(double Probability, bool Outcome)> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Count == 0 ? double.NaN : predictions.Average(p => Math.Pow(p.Probability - (p.Outcome ? 1 : 0), 2));
    }

    /// <summary>Equal-width bins of predicted probability (the last bin includes 1.0).</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IReadOnlyList<(double Probability, bool Outcome)> predictions, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var result = new List<CalibrationBin>(bins);
        var grouped = predictions.GroupBy(p => Math.Min(bins - 1, (int)(p.Probability * bins))).ToDictionary(g => g.Key, g => g.ToList());
        for (var b = 0; b < bins; b++)
        {
            var items = grouped.GetValueOrDefault(b) ?? [];
            result.Add(new CalibrationBin((double)b / bins, (double)(b + 1) / bins, items.Count,
                items.Count == 0 ? 0 : items.Average(p => p.Probability),
                items.Count == 0 ? 0 : items.Average(p => p.Outcome ? 1.0 : 0.0)));
        }

        return result;
    }

    /// <summary>Expected calibration error: the count-weighted mean |mean predicted − observed| over equal-width bins.</summary>
    public static double Ece(IReadOnlyList<(double Probability, bool Outcome)> predictions, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return double.NaN;
        }

        return Calibration(predictions, bins).Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.Observed)) / predictions.Count;
    }
}
