using CareReady.Core.Pathways;
using CareReady.Core.Pathways.Sm2;

namespace CareReady.Core.Tests.Pathways;

/// <summary>SM-2 against hand-worked sequences (EF' = EF + 0.1 − (5−q)(0.08 + (5−q)·0.02), intervals 1, 6, ⌈I·EF⌉).</summary>
public class Sm2SchedulerTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 2);

    [Theory]
    // qualities → (repetitions, EF, interval) after each review, worked by hand.
    [InlineData(new[] { 5, 5, 5 }, new[] { 1, 2, 3 }, new[] { 2.6, 2.7, 2.8 }, new[] { 1, 6, 17 })] // ⌈6·2.7⌉ = ⌈16.2⌉ = 17
    [InlineData(new[] { 5, 5, 5, 3 }, new[] { 1, 2, 3, 4 }, new[] { 2.6, 2.7, 2.8, 2.66 }, new[] { 1, 6, 17, 48 })] // ⌈17·2.8⌉ = ⌈47.6⌉; q=3: −0.14
    [InlineData(new[] { 5, 5, 5, 3, 2, 4, 4, 4 }, new[] { 1, 2, 3, 4, 0, 1, 2, 3 }, new[] { 2.6, 2.7, 2.8, 2.66, 2.34, 2.34, 2.34, 2.34 }, new[] { 1, 6, 17, 48, 1, 1, 6, 15 })] // lapse: q=2 −0.32, restart; ⌈6·2.34⌉ = 15
    [InlineData(new[] { 0, 0, 0 }, new[] { 0, 0, 0 }, new[] { 1.7, 1.3, 1.3 }, new[] { 1, 1, 1 })] // q=0: −0.8, floor 1.3
    [InlineData(new[] { 4, 4, 4, 4 }, new[] { 1, 2, 3, 4 }, new[] { 2.5, 2.5, 2.5, 2.5 }, new[] { 1, 6, 15, 38 })] // q=4 keeps EF; ⌈15·2.5⌉ = 38
    public void Hand_worked_sequences(int[] qualities, int[] repetitions, double[] easiness, int[] intervals)
    {
        var card = Sm2Card.New(Day0);
        var day = Day0;
        for (var i = 0; i < qualities.Length; i++)
        {
            card = Sm2Scheduler.Review(card, day, qualities[i]);
            Assert.Equal(repetitions[i], card.Repetitions);
            Assert.Equal(easiness[i], card.Easiness, 9);
            Assert.Equal(intervals[i], card.Interval);
            Assert.Equal(day.AddDays(intervals[i]), card.Due);
            day = card.Due;
        }
    }

    [Fact]
    public void Prediction_is_ninety_percent_at_the_interval_and_absent_before_the_first_review()
    {
        var card = Sm2Card.New(Day0);
        Assert.Null(Sm2Scheduler.PredictRecall(card, Day0));
        card = Sm2Scheduler.Review(Sm2Scheduler.Review(card, Day0, 5), Day0.AddDays(1), 5);
        Assert.Equal(0.9, Sm2Scheduler.PredictRecall(card, card.Due)!.Value, 12);
        Assert.Equal(1.0, Sm2Scheduler.PredictRecall(card, card.LastReview!.Value)!.Value, 12);
        Assert.Equal(0.81, Sm2Scheduler.PredictRecall(card, card.LastReview!.Value.AddDays(12))!.Value, 12);
    }

    [Fact]
    public void Quality_outside_zero_to_five_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sm2Scheduler.Review(Sm2Card.New(Day0), Day0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sm2Scheduler.Review(Sm2Card.New(Day0), Day0, -1));
    }

    [Fact]
    public void The_annual_refresher_falls_due_twelve_months_after_completion()
    {
        var annual = new FixedIntervalRefresher();
        Assert.Equal(new DateOnly(2027, 3, 2), annual.NextDue(Day0));
        Assert.Equal(new DateOnly(2025, 2, 28), annual.NextDue(new DateOnly(2024, 2, 29)));
        Assert.False(annual.IsDue(Day0, new DateOnly(2027, 3, 1)));
        Assert.True(annual.IsDue(Day0, new DateOnly(2027, 3, 2)));
    }
}
