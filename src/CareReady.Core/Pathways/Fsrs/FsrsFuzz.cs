namespace CareReady.Core.Pathways.Fsrs;

/// <summary>
/// Optional spread of due dates, so that items learned together do not all fall due on the same day.
/// The range is the reference implementation's (±15% up to 7 days, ±10% to 20, ±5% beyond); the draw
/// is deterministic for a seed and a card.
/// </summary>
public static class FsrsFuzz
{
    private static readonly (double Start, double End, double Factor)[] Ranges = [(2.5, 7, 0.15), (7, 20, 0.1), (20, double.PositiveInfinity, 0.05)];

    /// <summary>The lowest and highest interval the fuzz may choose.</summary>
    public static (int Min, int Max) Range(int interval, int elapsedDays, int maximumInterval)
    {
        var delta = 1.0;
        foreach (var (start, end, factor) in Ranges)
        {
            delta += factor * Math.Max(Math.Min(interval, end) - start, 0);
        }

        var capped = Math.Min(interval, maximumInterval);
        var min = (int)Math.Max(2, FsrsAlgorithm.RoundHalfUp(capped - delta));
        var max = (int)Math.Min(FsrsAlgorithm.RoundHalfUp(capped + delta), maximumInterval);
        if (capped > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }

        return (Math.Min(min, max), max);
    }

    /// <summary>The fuzzed interval: unchanged below 2.5 days; else a value in <see cref="Range"/> drawn from (seed, card, review).</summary>
    public static int Apply(int interval, int elapsedDays, int maximumInterval, int seed, long cardKey, int reviewNumber)
    {
        if (interval < 2.5)
        {
            return interval;
        }

        var (min, max) = Range(interval, elapsedDays, maximumInterval);
        var unit = UnitInterval(Mix((ulong)(uint)seed, (ulong)cardKey, (ulong)(uint)reviewNumber));
        return (int)Math.Floor((unit * (max - min + 1)) + min);
    }

    private static ulong Mix(ulong a, ulong b, ulong c)
    {
        var x = (a * 0x9E3779B97F4A7C15UL) ^ (b + 0xBF58476D1CE4E5B9UL) ^ (c * 0x94D049BB133111EBUL);
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static double UnitInterval(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
