using CareReady.Core.Pathways.Fsrs;
using Microsoft.Extensions.Time.Testing;

namespace CareReady.Core.Tests.Pathways;

/// <summary>Scheduling edge cases: first review, lapse, same day, very long interval, retention change, fuzz, bad input.</summary>
public class FsrsSchedulerTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 5);

    [Fact]
    public void First_review_uses_the_initial_stability_and_difficulty()
    {
        var review = new FsrsScheduler(FsrsParameters.Default).Review(FsrsCard.New(1, Day0), Day0, FsrsRating.Good);
        Assert.Null(review.Retrievability);
        Assert.Equal(2.3065, review.Card.State!.Value.Stability, 8);
        Assert.Equal(6.4133 - Math.Exp(2 * 0.8334) + 1, review.Card.State!.Value.Difficulty, 6);
        Assert.Equal(2, review.ScheduledDays);
        Assert.Equal(Day0.AddDays(2), review.Card.Due);
        Assert.Equal(0, review.Card.Lapses);
    }

    [Fact]
    public void Retrievability_is_ninety_percent_after_one_stability_whatever_the_decay()
    {
        foreach (var decay in new[] { 0.1, 0.1542, 0.5, 0.8 })
        {
            var weights = FsrsParameters.DefaultWeights.ToArray();
            weights[20] = decay;
            var algorithm = new FsrsAlgorithm(new FsrsParameters { Weights = weights });
            Assert.Equal(0.9, algorithm.Retrievability(37, 37), 6);
            Assert.Equal(1.0, algorithm.Retrievability(0, 37), 9);
            Assert.True(algorithm.Retrievability(100, 37) < algorithm.Retrievability(50, 37));
        }
    }

    [Fact]
    public void A_lapse_lowers_stability_counts_and_comes_back_soon()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default);
        var card = scheduler.Review(FsrsCard.New(1, Day0), Day0, FsrsRating.Good).Card;
        card = scheduler.Review(card, card.Due, FsrsRating.Good).Card;
        var before = card.State!.Value;
        var lapse = scheduler.Review(card, card.Due, FsrsRating.Again);
        Assert.True(lapse.Card.State!.Value.Stability < before.Stability);
        Assert.True(lapse.Card.State!.Value.Difficulty > before.Difficulty);
        Assert.Equal(1, lapse.Card.Lapses);
        Assert.True(lapse.ScheduledDays <= 2, $"{lapse.ScheduledDays} days");
    }

    [Fact]
    public void Same_day_review_uses_short_term_stability_and_never_lowers_it_for_good()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default);
        var card = scheduler.Review(FsrsCard.New(1, Day0), Day0, FsrsRating.Again).Card;
        var again = card.State!.Value.Stability;
        var good = scheduler.Review(card, Day0, FsrsRating.Good);
        Assert.Equal(0, good.ElapsedDays);
        Assert.Equal(scheduler.Algorithm.NextShortTermStability(again, FsrsRating.Good), good.Card.State!.Value.Stability, 10);
        Assert.True(good.Card.State!.Value.Stability >= again);
    }

    [Fact]
    public void Very_long_intervals_stop_at_the_maximum()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default with { MaximumInterval = 365 });
        var card = FsrsCard.New(1, Day0);
        var day = Day0;
        for (var i = 0; i < 12; i++)
        {
            card = scheduler.Review(card, day, FsrsRating.Easy).Card;
            day = card.Due;
        }

        Assert.Equal(365, card.Due.DayNumber - card.LastReview!.Value.DayNumber);
        Assert.True(card.State!.Value.Stability > 365);
        Assert.True(FsrsAlgorithm.Default.NextInterval(FsrsAlgorithm.MaxStability) <= FsrsParameters.DefaultMaximumInterval);
    }

    [Fact]
    public void A_higher_target_retention_gives_shorter_intervals()
    {
        var intervals = new[] { 0.7, 0.8, 0.9, 0.95, 0.99 }
            .Select(r => new FsrsAlgorithm(FsrsParameters.Default with { RequestRetention = r }).NextInterval(50)).ToArray();
        Assert.Equal(intervals.OrderDescending(), intervals);
        Assert.Equal(50, intervals[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FsrsParameters.Default with { RequestRetention = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FsrsParameters.Default with { RequestRetention = 1.01 });
    }

    [Fact]
    public void Fuzz_is_off_by_default_and_repeatable_for_a_seed()
    {
        var plain = new FsrsScheduler(FsrsParameters.Default);
        var fuzzed = new FsrsScheduler(FsrsParameters.Default with { EnableFuzz = true, FuzzSeed = 42 });
        var state = new FsrsMemoryState(60, 5);
        var card = new FsrsCard(9, state, Day0, Day0.AddDays(60), 3, 0);
        var day = Day0.AddDays(60);
        Assert.Equal(plain.Review(card, day, FsrsRating.Good).ScheduledDays, plain.Review(card, day, FsrsRating.Good).ScheduledDays);
        var a = fuzzed.Review(card, day, FsrsRating.Good).ScheduledDays;
        Assert.Equal(a, fuzzed.Review(card, day, FsrsRating.Good).ScheduledDays);
        var exact = plain.Review(card, day, FsrsRating.Good).ScheduledDays;
        var (min, max) = FsrsFuzz.Range(exact, 60, FsrsParameters.DefaultMaximumInterval);
        var spread = Enumerable.Range(0, 50).Select(k => fuzzed.Review(card with { CardKey = k }, day, FsrsRating.Good).ScheduledDays).ToArray();
        Assert.All(spread, d => Assert.InRange(d, min, max));
        Assert.True(spread.Distinct().Count() > 3);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default);
        var card = scheduler.Review(FsrsCard.New(1, Day0), Day0, FsrsRating.Good).Card;
        Assert.Throws<ArgumentException>(() => scheduler.Review(card, Day0.AddDays(-1), FsrsRating.Good));
        Assert.Throws<ArgumentException>(() => new FsrsParameters { Weights = [1, 2, 3] });
        var clamped = new FsrsParameters { Weights = [.. FsrsParameters.DefaultWeights.Select((w, i) => i == 20 ? 5 : w)] };
        Assert.Equal(0.8, clamped.Weights[20]);
    }

    [Fact]
    public void Today_comes_from_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 30, 0, TimeSpan.Zero));
        var review = new FsrsScheduler(FsrsParameters.Default).Review(FsrsCard.New(1, Day0), clock, FsrsRating.Good);
        Assert.Equal(new DateOnly(2026, 6, 1), review.Card.LastReview);
    }

    [Fact]
    public void Fitting_keeps_the_defaults_without_enough_reviews_and_lowers_log_loss_with_them()
    {
        var few = FsrsParameterFitter.Fit([new FsrsHistory([(0, FsrsRating.Good), (3, FsrsRating.Good)])]);
        Assert.False(few.Fitted);
        Assert.Equal(FsrsParameters.DefaultWeights, few.Parameters.Weights);

        // Learners who forget much faster than the defaults expect: recall after t days is 0.9^(t/2) (deterministic outcomes by hash).
        var log = new List<FsrsHistory>();
        for (var card = 0; card < 400; card++)
        {
            var reviews = new List<(int, FsrsRating)> { (0, FsrsRating.Good) };
            for (var k = 1; k < 6; k++)
            {
                var t = 1 + ((card * 7) + (k * 13)) % 20;
                var recalled = ((card * 31) + (k * 17)) % 100 < 100 * Math.Pow(0.9, t / 2.0);
                reviews.Add((t, recalled ? FsrsRating.Good : FsrsRating.Again));
            }

            log.Add(new FsrsHistory(reviews));
        }

        var fit = FsrsParameterFitter.Fit(log, iterations: 30);
        Assert.True(fit.Fitted);
        Assert.True(fit.LogLossAfter < fit.LogLossBefore - 0.01, $"{fit.LogLossBefore} → {fit.LogLossAfter}");
    }
}
