namespace CareReady.Core.Pathways.Fsrs;

/// <summary>
/// The FSRS-6 memory model: the forgetting curve with trainable decay (w20), initial stability and
/// difficulty, the difficulty update with linear damping and mean reversion, stability after a
/// successful recall, after a lapse and after a same-day review, and the interval for the target
/// retention. Results are rounded to 8 decimals at the same points as the reference implementation
/// (ts-fsrs), so golden vectors match to the last digit.
/// </summary>
public sealed class FsrsAlgorithm
{
    public const double MinStability = 0.001;
    public const double MaxStability = 36500;

    private readonly double _decay;
    private readonly double _factor;

    public FsrsAlgorithm(FsrsParameters parameters)
    {
        Parameters = parameters;
        _decay = -parameters[20];
        _factor = Round8(Math.Pow(0.9, 1 / _decay) - 1);
        IntervalModifier = Round8((Math.Pow(parameters.RequestRetention, 1 / _decay) - 1) / _factor);
    }

    public static FsrsAlgorithm Default { get; } = new(FsrsParameters.Default);

    public FsrsParameters Parameters { get; }

    /// <summary>Interval in days per day of stability at the target retention (1 at 0.9).</summary>
    public double IntervalModifier { get; }

    /// <summary>Probability of recall after <paramref name="elapsedDays"/> days: (1 + factor·t/S)^(−w20), with R(S) = 0.9.</summary>
    public double Retrievability(double elapsedDays, double stability) =>
        Round8(Math.Pow(1 + (_factor * Math.Max(0, elapsedDays) / stability), _decay));

    /// <summary>Stability after the first review: w[G−1], at least 0.1 day.</summary>
    public double InitialStability(FsrsRating rating) => Math.Max(Parameters[(int)rating - 1], 0.1);

    /// <summary>Difficulty after the first review: w4 − e^((G−1)·w5) + 1 (unclamped; the state clamps it to 1…10).</summary>
    public double InitialDifficulty(FsrsRating rating) =>
        Round8(Parameters[4] - Math.Exp(((int)rating - 1) * Parameters[5]) + 1);

    /// <summary>Difficulty after a review: a step of −w6·(G−3), damped towards 10, reverted towards D0(Easy) by w7.</summary>
    public double NextDifficulty(double difficulty, FsrsRating rating)
    {
        var delta = -Parameters[6] * ((int)rating - 3);
        var damped = Round8(delta * (10 - difficulty) / 9);
        var next = difficulty + damped;
        var reverted = Round8((Parameters[7] * InitialDifficulty(FsrsRating.Easy)) + ((1 - Parameters[7]) * next));
        return Math.Clamp(reverted, 1, 10);
    }

    /// <summary>Stability after a successful recall (Hard, Good or Easy) at retrievability <paramref name="r"/>.</summary>
    public double NextRecallStability(double difficulty, double stability, double r, FsrsRating rating)
    {
        var hardPenalty = rating == FsrsRating.Hard ? Parameters[15] : 1;
        var easyBonus = rating == FsrsRating.Easy ? Parameters[16] : 1;
        var growth = Math.Exp(Parameters[8]) * (11 - difficulty) * Math.Pow(stability, -Parameters[9])
            * (Math.Exp((1 - r) * Parameters[10]) - 1) * hardPenalty * easyBonus;
        return Round8(Math.Clamp(stability * (1 + growth), MinStability, MaxStability));
    }

    /// <summary>Stability after a lapse (Again): w11·D^(−w12)·((S+1)^w13 − 1)·e^((1−R)·w14).</summary>
    public double NextForgetStability(double difficulty, double stability, double r) =>
        Round8(Math.Clamp(
            Parameters[11] * Math.Pow(difficulty, -Parameters[12]) * (Math.Pow(stability + 1, Parameters[13]) - 1) * Math.Exp((1 - r) * Parameters[14]),
            MinStability, MaxStability));

    /// <summary>Stability after a same-day review: S·S^(−w19)·e^(w17·(G−3+w18)), never lower for Hard or better.</summary>
    public double NextShortTermStability(double stability, FsrsRating rating)
    {
        var increase = Math.Pow(stability, -Parameters[19]) * Math.Exp(Parameters[17] * ((int)rating - 3 + Parameters[18]));
        if (rating >= FsrsRating.Hard)
        {
            increase = Math.Max(increase, 1);
        }

        return Round8(Math.Clamp(stability * increase, MinStability, MaxStability));
    }

    /// <summary>
    /// The memory state after a review <paramref name="elapsedDays"/> whole days after the previous one
    /// (<c>null</c>: the first review). Same-day reviews (0 days) use the short-term stability.
    /// </summary>
    public FsrsMemoryState NextState(FsrsMemoryState? state, int elapsedDays, FsrsRating rating)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedDays);
        if (rating is < FsrsRating.Again or > FsrsRating.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown rating.");
        }

        if (state is not { } current)
        {
            return new FsrsMemoryState(InitialStability(rating), Math.Clamp(InitialDifficulty(rating), 1, 10));
        }

        var (s, d) = (current.Stability, current.Difficulty);
        double next;
        if (elapsedDays == 0)
        {
            next = NextShortTermStability(s, rating);
        }
        else
        {
            var r = Retrievability(elapsedDays, s);
            if (rating == FsrsRating.Again)
            {
                // Never more than before the lapse, nor more than a same-day Again would leave.
                var floor = Round8(s / Math.Exp(Parameters[17] * Parameters[18]));
                next = Math.Min(Math.Max(floor, MinStability), NextForgetStability(d, s, r));
            }
            else
            {
                next = NextRecallStability(d, s, r, rating);
            }
        }

        return new FsrsMemoryState(next, NextDifficulty(d, rating));
    }

    /// <summary>Days until recall falls to the target retention: S·(r^(1/decay) − 1)/factor, rounded, 1 … maximum.</summary>
    public int NextInterval(double stability) =>
        (int)Math.Min(Math.Max(1, RoundHalfUp(stability * IntervalModifier)), Parameters.MaximumInterval);

    /// <summary>Rounds like JavaScript's Math.round (half towards +∞) to 8 decimals.</summary>
    internal static double Round8(double value) => RoundHalfUp(value * 1e8) / 1e8;

    internal static double RoundHalfUp(double value) => Math.Floor(value + 0.5);
}
