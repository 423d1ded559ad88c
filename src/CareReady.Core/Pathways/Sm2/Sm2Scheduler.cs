namespace CareReady.Core.Pathways.Sm2;

/// <summary>One person's SM-2 card for one item.</summary>
/// <param name="Repetitions">Successful repetitions in a row (n).</param>
/// <param name="Easiness">The E-Factor (EF), at least 1.3; 2.5 for a new item.</param>
/// <param name="Interval">The last interval in days (0 before the first review).</param>
public sealed record Sm2Card(int Repetitions, double Easiness, int Interval, DateOnly? LastReview, DateOnly Due)
{
    public const double InitialEasiness = 2.5;
    public const double MinimumEasiness = 1.3;

    public static Sm2Card New(DateOnly today) => new(0, InitialEasiness, 0, null, today);
}

/// <summary>
/// The classic SuperMemo-2 algorithm (Woźniak, 1990), the comparison policy for FSRS: quality 0–5;
/// a response of 3 or more advances the repetition count with intervals 1, 6, then I·EF rounded up;
/// below 3 restarts the repetitions (EF kept); EF moves by 0.1 − (5−q)(0.08 + (5−q)·0.02) after every
/// response, never below 1.3. Interval and EF update follow the usual reading: the interval uses
/// the EF from before the response. The same-day re-drill of items graded below 4 is left out.
/// </summary>
public static class Sm2Scheduler
{
    /// <summary>Quality for a refresher answer: right = 4 ("correct after hesitation"), wrong = 1.</summary>
    public static int QualityOf(bool correct) => correct ? 4 : 1;

    public static Sm2Card Review(Sm2Card card, DateOnly day, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 5);
        int repetitions, interval;
        if (quality >= 3)
        {
            interval = card.Repetitions switch
            {
                0 => 1,
                1 => 6,
                _ => (int)Math.Ceiling(Math.Round(card.Interval * card.Easiness, 9)),
            };
            repetitions = card.Repetitions + 1;
        }
        else
        {
            repetitions = 0;
            interval = 1;
        }

        var miss = 5 - quality;
        var easiness = Math.Max(Sm2Card.MinimumEasiness, Math.Round(card.Easiness + (0.1 - (miss * (0.08 + (miss * 0.02)))), 9));
        return new Sm2Card(repetitions, easiness, interval, day, day.AddDays(interval));
    }

    /// <summary>
    /// SM-2 makes no probability; as in the open srs-benchmark we read its interval as the day recall
    /// falls to 90%: R = 0.9^(t / I). Null before the first review.
    /// </summary>
    public static double? PredictRecall(Sm2Card card, DateOnly day) =>
        card.LastReview is { } last && card.Interval > 0
            ? Math.Pow(0.9, Math.Max(0, day.DayNumber - last.DayNumber) / (double)card.Interval)
            : null;
}
