namespace CareReady.Core.Pathways.Fsrs;

/// <summary>One card's review history: days since the previous review (ignored for the first) and the rating.</summary>
public sealed record FsrsHistory(IReadOnlyList<(int ElapsedDays, FsrsRating Rating)> Reviews);

/// <summary>The fitted parameters and how they do on the log they were fitted on.</summary>
public sealed record FsrsFit(FsrsParameters Parameters, bool Fitted, int Reviews, double LogLossBefore, double LogLossAfter);

/// <summary>
/// Fits an organisation's FSRS parameters from its own review log: gradient descent (central finite
/// differences, Adam steps) on the log loss of predicted recall for every review after the first,
/// over the weights that shape recall and stability. With fewer than <see cref="MinimumReviews"/>
/// reviews the defaults stay. Deterministic.
/// </summary>
public static class FsrsParameterFitter
{
    public const int MinimumReviews = 1000;

    /// <summary>The weights fitted: initial stability (w0–w3), difficulty (w4, w6), recall stability (w8–w10), lapse stability (w11, w13, w14), decay (w20).</summary>
    public static IReadOnlyList<int> FittedWeights { get; } = [0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 13, 14, 20];

    public static FsrsFit Fit(IReadOnlyList<FsrsHistory> log, FsrsParameters? start = null, int iterations = 60, double learningRate = 0.05)
    {
        var initial = start ?? FsrsParameters.Default;
        var reviews = log.Sum(h => Math.Max(0, h.Reviews.Count - 1));
        var before = LogLoss(log, initial.Weights);
        if (reviews < MinimumReviews)
        {
            return new FsrsFit(initial, false, reviews, before, before);
        }

        var w = initial.Weights.ToArray();
        var m = new double[w.Length];
        var v = new double[w.Length];
        var best = (Loss: before, Weights: w.ToArray());
        for (var step = 1; step <= iterations; step++)
        {
            var gradient = new double[w.Length];
            foreach (var i in FittedWeights)
            {
                var (min, max) = FsrsParameters.WeightRanges[i];
                var h = Math.Max(1e-4, 1e-3 * (max - min));
                var up = w.ToArray();
                var down = w.ToArray();
                up[i] = Math.Min(max, w[i] + h);
                down[i] = Math.Max(min, w[i] - h);
                gradient[i] = (LogLoss(log, up) - LogLoss(log, down)) / (up[i] - down[i]);
            }

            foreach (var i in FittedWeights)
            {
                var (min, max) = FsrsParameters.WeightRanges[i];
                m[i] = (0.9 * m[i]) + (0.1 * gradient[i]);
                v[i] = (0.999 * v[i]) + (0.001 * gradient[i] * gradient[i]);
                var mHat = m[i] / (1 - Math.Pow(0.9, step));
                var vHat = v[i] / (1 - Math.Pow(0.999, step));
                var scale = Math.Min(max - min, Math.Max(0.1, Math.Abs(w[i])));
                w[i] = Math.Clamp(w[i] - (learningRate * scale * mHat / (Math.Sqrt(vHat) + 1e-8)), min, max);
            }

            var loss = LogLoss(log, w);
            if (loss < best.Loss)
            {
                best = (loss, w.ToArray());
            }
        }

        return new FsrsFit(initial with { Weights = best.Weights }, true, reviews, before, best.Loss);
    }

    /// <summary>Mean log loss of FSRS's recall prediction with weights <paramref name="weights"/> over every review after the first.</summary>
    public static double LogLoss(IReadOnlyList<FsrsHistory> log, IReadOnlyList<double> weights)
    {
        var algorithm = new FsrsAlgorithm(new FsrsParameters { Weights = weights });
        double sum = 0;
        var count = 0;
        foreach (var history in log)
        {
            FsrsMemoryState? state = null;
            foreach (var (elapsed, rating) in history.Reviews)
            {
                if (state is { } s && elapsed > 0)
                {
                    var r = Math.Clamp(algorithm.Retrievability(elapsed, s.Stability), 1e-6, 1 - 1e-6);
                    sum -= rating == FsrsRating.Again ? Math.Log(1 - r) : Math.Log(r);
                    count++;
                }

                state = algorithm.NextState(state, elapsed, rating);
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
