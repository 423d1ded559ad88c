namespace CareReady.Core.Demo;

/// <summary>Small helpers over a seeded <see cref="Random"/>; everything the demo draws goes through one of these.</summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Index drawn in proportion to <paramref name="weights"/>.</summary>
    public static int PickIndex(this Random rng, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller).</summary>
    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential with the given mean.</summary>
    public static double Exponential(this Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    /// <summary>Whole number of days in [min, max] (inclusive).</summary>
    public static int Days(this Random rng, int min, int max) => max <= min ? min : rng.Next(min, max + 1);

    public static void Shuffle<T>(this Random rng, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
