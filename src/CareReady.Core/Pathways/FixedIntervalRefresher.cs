namespace CareReady.Core.Pathways;

/// <summary>
/// Today's practice and the comparison baseline: everyone repeats the whole module every
/// <paramref name="periodMonths"/> months (12: the annual refresher), whatever they remember.
/// </summary>
public sealed class FixedIntervalRefresher(int periodMonths = 12)
{
    public int PeriodMonths { get; } = periodMonths > 0 ? periodMonths : throw new ArgumentOutOfRangeException(nameof(periodMonths));

    /// <summary>The day the module falls due again after it was completed on <paramref name="completed"/>.</summary>
    public DateOnly NextDue(DateOnly completed) => completed.AddMonths(PeriodMonths);

    public bool IsDue(DateOnly completed, DateOnly today) => today >= NextDue(completed);
}
