namespace CareReady.Core.Pathways.Fsrs;

/// <summary>One person's refresher card for one item: its FSRS memory state and when it is due.</summary>
/// <param name="CardKey">A stable number for the card (used to draw its fuzz).</param>
public sealed record FsrsCard(long CardKey, FsrsMemoryState? State, DateOnly? LastReview, DateOnly Due, int Reviews, int Lapses)
{
    /// <summary>A card never reviewed, due at once.</summary>
    public static FsrsCard New(long cardKey, DateOnly today) => new(cardKey, null, null, today, 0, 0);
}

/// <summary>The outcome of one review: the card after it, and what was known just before.</summary>
/// <param name="Retrievability">Predicted probability of recall at the review (null for the first review).</param>
public sealed record FsrsReview(FsrsCard Card, int ElapsedDays, FsrsRating Rating, double? Retrievability, int ScheduledDays);

/// <summary>
/// Schedules refresher cards by day with FSRS-6: a review moves the memory state, and the next review
/// falls due when recall is predicted to drop to the target retention. Days come from the caller
/// (or a <see cref="TimeProvider"/>), so a test can stand on any day.
/// </summary>
public sealed class FsrsScheduler(FsrsParameters parameters)
{
    private readonly FsrsAlgorithm _algorithm = new(parameters);

    public FsrsParameters Parameters => _algorithm.Parameters;

    public FsrsAlgorithm Algorithm => _algorithm;

    /// <summary>Probability that the card is recalled on <paramref name="day"/> (null if never reviewed).</summary>
    public double? Retrievability(FsrsCard card, DateOnly day) =>
        card is { State: { } state, LastReview: { } last }
            ? _algorithm.Retrievability(Math.Max(0, day.DayNumber - last.DayNumber), state.Stability)
            : null;

    /// <summary>Records a review on <paramref name="day"/> and schedules the next one.</summary>
    public FsrsReview Review(FsrsCard card, DateOnly day, FsrsRating rating)
    {
        var elapsed = card.LastReview is { } last ? day.DayNumber - last.DayNumber : 0;
        if (elapsed < 0)
        {
            throw new ArgumentException($"A review on {day:yyyy-MM-dd} comes before the last one ({card.LastReview:yyyy-MM-dd}).", nameof(day));
        }

        var before = Retrievability(card, day);
        var state = _algorithm.NextState(card.State, elapsed, rating);
        var interval = _algorithm.NextInterval(state.Stability);
        if (Parameters.EnableFuzz)
        {
            interval = FsrsFuzz.Apply(interval, elapsed, Parameters.MaximumInterval, Parameters.FuzzSeed, card.CardKey, card.Reviews);
        }

        var next = card with
        {
            State = state,
            LastReview = day,
            Due = day.AddDays(interval),
            Reviews = card.Reviews + 1,
            Lapses = card.Lapses + (rating == FsrsRating.Again && card.State is not null ? 1 : 0),
        };
        return new FsrsReview(next, elapsed, rating, before, interval);
    }

    /// <summary>Records a review today, as the clock says.</summary>
    public FsrsReview Review(FsrsCard card, TimeProvider clock, FsrsRating rating) =>
        Review(card, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), rating);
}
