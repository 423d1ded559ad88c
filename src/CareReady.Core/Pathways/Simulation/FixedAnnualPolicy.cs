namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// Today's practice: every year the whole module again — each question answered, then its lesson
/// re-read. Its recall prediction is the population's observed share of right answers so far at the
/// same time since the last review (30-day bins; a uniform prior before any answer in the bin).
/// </summary>
public sealed class FixedAnnualPolicy(int learners, int items, double minutesPerItem, int periodDays = 365) : RefresherPolicy(learners, items)
{
    private const int BinDays = 30;
    private readonly int[] _last = new int[learners * items];
    private readonly Dictionary<int, (double Right, double All)> _bins = [];

    public override string Name => "fixed_annual";

    public override double MinutesPerReview => minutesPerItem;

    public override bool ReviewIncludesLesson => true;

    public override bool Capped => false;

    public override void Start(int learner, int item, bool correct) => _last[Key(learner, item)] = 0;

    public override bool IsDue(int learner, int item, int day) => day - _last[Key(learner, item)] >= periodDays;

    public override double Urgency(int learner, int item, int day) => 0;

    public override double Predict(int learner, int item, int day)
    {
        var (right, all) = _bins.GetValueOrDefault((day - _last[Key(learner, item)]) / BinDays);
        return (right + 1) / (all + 2);
    }

    public override void Review(int learner, int item, int day, bool correct)
    {
        var key = Key(learner, item);
        var bin = (day - _last[key]) / BinDays;
        var (right, all) = _bins.GetValueOrDefault(bin);
        _bins[bin] = (right + (correct ? 1 : 0), all + 1);
        _last[key] = day;
    }
}
