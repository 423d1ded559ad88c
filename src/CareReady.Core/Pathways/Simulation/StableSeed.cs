namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// Seeds derived from a seed and some numbers, the same in every process. (<see cref="HashCode.Combine{T1, T2}(T1, T2)"/>
/// is randomised per process, so seeds built with it made a run differ from the next one.)
/// </summary>
public static class StableSeed
{
    public static int Of(params ReadOnlySpan<long> parts)
    {
        var x = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            x = Mix(x ^ unchecked((ulong)part));
        }

        return (int)(x & int.MaxValue);
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
