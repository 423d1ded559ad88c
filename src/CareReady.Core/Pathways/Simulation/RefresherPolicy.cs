namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// A way of deciding, per learner and item, when to refresh and how likely recall is. The simulation
/// owns the truth; a policy only sees the answers (right or wrong) it asked for. Days count from the
/// initial training on day 0.
/// </summary>
public abstract class RefresherPolicy(int learners, int items)
{
    public int LearnerCount { get; } = learners;

    public int ItemCount { get; } = items;

    /// <summary>The name in the benchmark output (fixed_annual, sm2, careready).</summary>
    public abstract string Name { get; }

    /// <summary>Study minutes one review of one item costs.</summary>
    public abstract double MinutesPerReview { get; }

    /// <summary>Whether a review also re-reads the lesson behind the question (a second exposure).</summary>
    public virtual bool ReviewIncludesLesson => false;

    /// <summary>Whether the daily session and yearly budget caps apply (not to a whole-module refresher).</summary>
    public virtual bool Capped => true;

    /// <summary>The answer in the initial training's assessment on day 0.</summary>
    public abstract void Start(int learner, int item, bool correct);

    public abstract bool IsDue(int learner, int item, int day);

    /// <summary>When more is due than the session allows: higher goes first.</summary>
    public abstract double Urgency(int learner, int item, int day);

    /// <summary>The policy's probability that the learner answers right today (before the answer).</summary>
    public abstract double Predict(int learner, int item, int day);

    /// <summary>A refresher answer on <paramref name="day"/>.</summary>
    public abstract void Review(int learner, int item, int day, bool correct);

    protected int Key(int learner, int item) => (learner * ItemCount) + item;
}
