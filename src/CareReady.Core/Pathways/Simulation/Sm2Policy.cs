using CareReady.Core.Pathways.Sm2;

namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// SM-2 refreshers: right = quality 4, wrong = 1. <paramref name="intervalModifier"/> stretches every
/// interval (as Anki's interval modifier does) — the one knob tuned so SM-2 spends the same minutes
/// as the others. Most overdue first; prediction 0.9^(t / scheduled interval).
/// </summary>
public sealed class Sm2Policy(int learners, int items, double minutesPerReview, double intervalModifier) : RefresherPolicy(learners, items)
{
    private static readonly DateOnly Origin = new(2000, 1, 1);
    private readonly Sm2Card[] _cards = new Sm2Card[learners * items];
    private readonly int[] _due = new int[learners * items];
    private readonly int[] _scheduled = new int[learners * items];
    private readonly int[] _last = new int[learners * items];

    public override string Name => "sm2";

    public override double MinutesPerReview => minutesPerReview;

    public double IntervalModifier => intervalModifier;

    public override void Start(int learner, int item, bool correct)
    {
        _cards[Key(learner, item)] = Sm2Card.New(Origin);
        Review(learner, item, 0, correct);
    }

    public override bool IsDue(int learner, int item, int day) => day >= _due[Key(learner, item)];

    public override double Urgency(int learner, int item, int day) =>
        (day - _due[Key(learner, item)]) / (double)Math.Max(1, _scheduled[Key(learner, item)]);

    public override double Predict(int learner, int item, int day)
    {
        var key = Key(learner, item);
        return Math.Pow(0.9, (day - _last[key]) / (double)Math.Max(1, _scheduled[key]));
    }

    public override void Review(int learner, int item, int day, bool correct)
    {
        var key = Key(learner, item);
        var card = Sm2Scheduler.Review(_cards[key], Origin.AddDays(day), Sm2Scheduler.QualityOf(correct));
        _cards[key] = card;
        var scheduled = Math.Max(1, (int)Math.Round(card.Interval * intervalModifier));
        _scheduled[key] = scheduled;
        _last[key] = day;
        _due[key] = day + scheduled;
    }
}
