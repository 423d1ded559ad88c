namespace CareReady.Core.Pathways.Simulation;

/// <summary>A question in the simulated bank: its competency, whether it is safety-critical, and its true traits.</summary>
public sealed record SimulatedItem(int Index, int Competency, bool SafetyCritical, double Difficulty, double DecayFactor);

/// <summary>A simulated learner's true traits: ability (lowers the recall threshold) and how fast they forget.</summary>
public sealed record SimulatedLearner(int Index, double Ability, double DecayFactor);

/// <summary>
/// Learners and the question bank they all study: <see cref="Competencies"/> modules of
/// <see cref="ItemsPerCompetency"/> questions; the first half of the modules are safety-critical
/// (think resuscitation and safeguarding). Same seed, same population.
/// </summary>
public sealed class SimulatedPopulation
{
    public const int Competencies = 4;
    public const int ItemsPerCompetency = 12;

    public SimulatedPopulation(int learners, int seed)
    {
        var random = new Random(seed);
        Items = [.. Enumerable.Range(0, Competencies * ItemsPerCompetency).Select(i => new SimulatedItem(
            i, i / ItemsPerCompetency, i / ItemsPerCompetency < Competencies / 2,
            Normal(random) * TrueMemoryModel.DifficultySpread, Math.Exp(Normal(random) * TrueMemoryModel.ItemDecaySpread)))];
        Learners = [.. Enumerable.Range(0, learners).Select(l => new SimulatedLearner(
            l, Normal(random) * TrueMemoryModel.AbilitySpread, Math.Exp(Normal(random) * TrueMemoryModel.PersonDecaySpread)))];
    }

    public IReadOnlyList<SimulatedItem> Items { get; }

    public IReadOnlyList<SimulatedLearner> Learners { get; }

    /// <summary>The recall threshold τ for a learner and an item.</summary>
    public double Threshold(int learner, int item) => TrueMemoryModel.Threshold + Items[item].Difficulty - Learners[learner].Ability;

    /// <summary>The decay intercept α for a learner and an item.</summary>
    public double DecayIntercept(int learner, int item) => TrueMemoryModel.DecayIntercept * Learners[learner].DecayFactor * Items[item].DecayFactor;

    internal static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
