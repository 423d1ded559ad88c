namespace CareReady.Core.Pathways.Mastery;

/// <summary>
/// An Elo / Rasch-style mastery model (Pelánek, 2016): the chance that a person answers an item
/// correctly is σ(ability + competency offset − item difficulty). Every answer moves the three
/// towards the outcome by (outcome − prediction), with step sizes that shrink as evidence grows, so
/// item difficulty is learned from everyone's answers and a person's estimate from their own.
/// Predict before you update: <see cref="Predict"/> then <see cref="Record"/>.
/// </summary>
public sealed class MasteryModel
{
    private readonly Dictionary<string, Counter> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Person, string Competency), Counter> _competencies = [];

    /// <summary>Step size for n answers of evidence: <see cref="StepScale"/> / (1 + <see cref="StepDecay"/>·n).</summary>
    public double StepScale { get; init; } = 1.0;

    public double StepDecay { get; init; } = 0.05;

    /// <summary>Chance that <paramref name="person"/> answers <paramref name="item"/> (of <paramref name="competency"/>) correctly.</summary>
    public double Predict(string person, string competency, string item) =>
        Sigmoid(Logit(person, competency) - Get(_items, item).Value);

    /// <summary>Records one answer and updates item difficulty, the person's ability and their competency offset.</summary>
    public void Record(string person, string competency, string item, bool correct)
    {
        var error = (correct ? 1 : 0) - Predict(person, competency, item);
        var itemState = Get(_items, item);
        var personState = Get(_people, person);
        var key = (person, competency);
        var competencyState = _competencies.GetValueOrDefault(key);
        _items[item] = itemState.Step(-Step(itemState.Count) * error, correct);
        _people[person] = personState.Step(0.5 * Step(personState.Count) * error, correct);
        _competencies[key] = competencyState.Step(Step(competencyState.Count) * error, correct);
    }

    /// <summary>The learned difficulty of an item (logits; 0 = average) and how many answers it rests on.</summary>
    public (double Difficulty, int Answers) Item(string item) => Get(_items, item) is var c ? (c.Value, c.Count) : default;

    /// <summary>The competency profile line for a person: probability on an average item, evidence, level.</summary>
    public MasteryEstimate Estimate(string person, string competency)
    {
        var state = _competencies.GetValueOrDefault((person, competency));
        var probability = Sigmoid(Logit(person, competency));
        return new MasteryEstimate(competency, probability, state.Count, state.Correct, MasteryEstimate.Classify(probability, state.Count));
    }

    private double Logit(string person, string competency) =>
        Get(_people, person).Value + _competencies.GetValueOrDefault((person, competency)).Value;

    private double Step(int evidence) => StepScale / (1 + (StepDecay * evidence));

    private static Counter Get(Dictionary<string, Counter> map, string key) => map.GetValueOrDefault(key);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private readonly record struct Counter(double Value, int Count, int Correct)
    {
        public Counter Step(double delta, bool correct) => new(Value + delta, Count + 1, Correct + (correct ? 1 : 0));
    }
}
