using CareReady.Core.Pathways.Mastery;

namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// Scores the mastery model on a stream of answers in time order: before each answer it predicts the
/// outcome (then learns from it), and so does the baseline — the item's share of right answers so
/// far (uniform prior). Returns both AUCs.
/// </summary>
public sealed class MasteryEvaluation(SimulatedPopulation population)
{
    private readonly MasteryModel _model = new();
    private readonly PredictionMetrics _mastery = new();
    private readonly PredictionMetrics _baseline = new();
    private readonly (int Right, int All)[] _items = new (int, int)[population.Items.Count];
    private readonly string[] _itemNames = [.. population.Items.Select(i => "item-" + i.Index)];
    private readonly string[] _competencyNames = [.. Enumerable.Range(0, SimulatedPopulation.Competencies).Select(c => "competency-" + c)];
    private readonly string[] _people = [.. population.Learners.Select(l => "learner-" + l.Index)];

    public MasteryModel Model => _model;

    public void Add(SimulatedAnswer answer)
    {
        var person = _people[answer.Learner];
        var competency = _competencyNames[population.Items[answer.Item].Competency];
        var item = _itemNames[answer.Item];
        _mastery.Add(_model.Predict(person, competency, item), answer.Correct);
        var (right, all) = _items[answer.Item];
        _baseline.Add((right + 1.0) / (all + 2.0), answer.Correct);
        _items[answer.Item] = (right + (answer.Correct ? 1 : 0), all + 1);
        _model.Record(person, competency, item, answer.Correct);
    }

    public int Answers => _mastery.Count;

    public double MasteryAuc() => _mastery.Auc();

    public double BaselineAuc() => _baseline.Auc();
}
