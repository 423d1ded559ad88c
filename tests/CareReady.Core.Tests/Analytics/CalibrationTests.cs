using CareReady.Core.Analytics;

namespace CareReady.Core.Tests.Analytics;

/// <summary>
/// The intervals mean what they say: over many simulated organisations shaped like the demo (21 wards,
/// 10 pushed, monthly noise), a 95% interval leaves out a true zero about 1 time in 20 and covers a
/// planted effect about 19 times in 20. A single demo can be that 1 in 20 — which is why the impact view
/// says "association, not proof".
/// </summary>
public class CalibrationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Intervals_cover_the_truth_about_95_times_in_100()
    {
        const int Runs = 200;
        const double Effect = -0.8;
        var random = new Random(5);
        int falseAssociation = 0, falseDid = 0, covered = 0;
        for (var run = 0; run < Runs; run++)
        {
            var none = Simulate(random, 0);
            var some = Simulate(random, Effect);
            var nullResult = ImpactCalculator.Run(none, resamples: 1000, seed: run);
            var plantedResult = ImpactCalculator.Run(some, resamples: 1000, seed: run);
            falseAssociation += nullResult.Association!.Value.ExcludesZero ? 1 : 0;
            falseDid += nullResult.DiD!.Effect.ExcludesZero ? 1 : 0;
            covered += plantedResult.DiD!.Effect.Contains(Effect) ? 1 : 0;
        }

        output.WriteLine($"false association {falseAssociation}/{Runs}, false DiD {falseDid}/{Runs}, planted effect covered {covered}/{Runs}");
        Assert.InRange(falseAssociation / (double)Runs, 0.0, 0.10);
        Assert.InRange(falseDid / (double)Runs, 0.0, 0.09);
        Assert.InRange(covered / (double)Runs, 0.91, 1.0);
    }

    private static ImpactInput Simulate(Random random, double effect)
    {
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 1, 1).AddMonths(i)).ToList();
        var push = new DateOnly(2025, 6, 1);
        var measure = new Dictionary<int, IReadOnlyDictionary<DateOnly, double>>();
        var compliance = new Dictionary<int, IReadOnlyDictionary<DateOnly, double>>();
        var pushes = new Dictionary<int, DateOnly>();
        for (var unit = 1; unit <= 21; unit++)
        {
            var pushed = unit <= 10;
            if (pushed)
            {
                pushes[unit] = push;
            }

            var level = 2.5 + (2.5 * random.NextDouble());
            var baseCompliance = 80 + (10 * random.NextDouble());
            measure[unit] = months.ToDictionary(m => m, m => level + (pushed && m > push ? effect : 0) + (0.35 * Normal(random)));
            compliance[unit] = new[] { new DateOnly(2024, 12, 1) }.Concat(months).ToDictionary(m => m,
                m => baseCompliance + (pushed && m >= push ? 8 : 0) + (2 * Normal(random)));
        }

        return new ImpactInput(MeasurePeriod.Month, measure, compliance, pushes, Window: 3);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
