using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// CareReady's refreshers: FSRS-6 (right = Good, wrong = Again) with the organisation's parameters,
/// safety-critical items held at <paramref name="retention"/> and the others 0.1 lower; when more is
/// due than the session allows, safety-critical first, then the lowest predicted recall.
/// </summary>
public sealed class CareReadyPolicy : RefresherPolicy
{
    public const double OtherItemsRetentionGap = 0.1;
    private readonly FsrsAlgorithm _critical;
    private readonly FsrsAlgorithm _other;
    private readonly bool[] _safetyCritical;
    private readonly FsrsMemoryState[] _states;
    private readonly int[] _last;
    private readonly int[] _due;

    public CareReadyPolicy(int learners, IReadOnlyList<SimulatedItem> items, double minutesPerReview, double retention, IReadOnlyList<double>? weights = null)
        : base(learners, items.Count)
    {
        MinutesPerReview = minutesPerReview;
        Retention = retention;
        var w = weights ?? FsrsParameters.DefaultWeights;
        _critical = new FsrsAlgorithm(new FsrsParameters { Weights = w, RequestRetention = retention });
        _other = new FsrsAlgorithm(new FsrsParameters { Weights = w, RequestRetention = Math.Max(0.5, retention - OtherItemsRetentionGap) });
        _safetyCritical = [.. items.Select(i => i.SafetyCritical)];
        _states = new FsrsMemoryState[learners * items.Count];
        _last = new int[learners * items.Count];
        _due = new int[learners * items.Count];
    }

    public override string Name => "careready";

    public override double MinutesPerReview { get; }

    public double Retention { get; }

    public override void Start(int learner, int item, bool correct) => Update(learner, item, 0, null, correct);

    public override bool IsDue(int learner, int item, int day) => day >= _due[Key(learner, item)];

    public override double Urgency(int learner, int item, int day) =>
        (_safetyCritical[item] ? 1 : 0) + (1 - Predict(learner, item, day));

    public override double Predict(int learner, int item, int day)
    {
        var key = Key(learner, item);
        return _critical.Retrievability(day - _last[key], _states[key].Stability);
    }

    public override void Review(int learner, int item, int day, bool correct) =>
        Update(learner, item, day, _states[Key(learner, item)], correct);

    private void Update(int learner, int item, int day, FsrsMemoryState? state, bool correct)
    {
        var key = Key(learner, item);
        var algorithm = _safetyCritical[item] ? _critical : _other;
        var next = algorithm.NextState(state, day - _last[key], correct ? FsrsRating.Good : FsrsRating.Again);
        _states[key] = next;
        _last[key] = day;
        _due[key] = day + algorithm.NextInterval(next.Stability);
    }
}
