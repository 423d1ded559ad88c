namespace CareReady.Core.Pathways.Fsrs;

/// <summary>
/// The 21 FSRS-6 weights, the target retention and the longest interval. Weights are clamped to the
/// ranges the reference implementation (ts-fsrs 5) allows, so fitted or hand-entered parameters
/// cannot produce impossible memory states.
/// </summary>
public sealed record FsrsParameters
{
    /// <summary>The FSRS-6 default weights (w0 … w20; w20 is the trainable forgetting-curve decay).</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    /// <summary>Lowest and highest value of each weight (ts-fsrs CLAMP_PARAMETERS, short-term scheduling on).</summary>
    public static IReadOnlyList<(double Min, double Max)> WeightRanges { get; } =
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75),
        (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4), (0, 1), (1, 6),
        (0, 2), (0, 2), (0.01, 0.8), (0.1, 0.8),
    ];

    public const int WeightCount = 21;
    public const double DefaultRetention = 0.9;
    public const int DefaultMaximumInterval = 36500;

    public static FsrsParameters Default { get; } = new();

    private readonly double[] _weights = [.. DefaultWeights];

    /// <summary>w0 … w20, clamped to <see cref="WeightRanges"/> when set.</summary>
    public IReadOnlyList<double> Weights
    {
        get => _weights;
        init => _weights = Clamp(value);
    }

    /// <summary>Target probability of recall when a review falls due (0 &lt; r ≤ 1; default 0.9).</summary>
    public double RequestRetention
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(RequestRetention), value, "Target retention must be in (0, 1].");
    } = DefaultRetention;

    /// <summary>Longest interval in days (default 36,500).</summary>
    public int MaximumInterval
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaximumInterval), value, "The maximum interval is at least one day.");
    } = DefaultMaximumInterval;

    /// <summary>Spread due dates by a few days (off by default, so scheduling is deterministic).</summary>
    public bool EnableFuzz { get; init; }

    /// <summary>Seed of the fuzz; combined with the card so each card gets its own, repeatable offset.</summary>
    public int FuzzSeed { get; init; }

    internal double this[int index] => _weights[index];

    private static double[] Clamp(IReadOnlyList<double> weights)
    {
        if (weights.Count != WeightCount)
        {
            throw new ArgumentException($"FSRS-6 needs {WeightCount} weights, not {weights.Count}.", nameof(weights));
        }

        var result = new double[WeightCount];
        for (var i = 0; i < WeightCount; i++)
        {
            if (!double.IsFinite(weights[i]))
            {
                throw new ArgumentException($"Weight w{i} is not a finite number.", nameof(weights));
            }

            result[i] = Math.Clamp(weights[i], WeightRanges[i].Min, WeightRanges[i].Max);
        }

        return result;
    }
}
