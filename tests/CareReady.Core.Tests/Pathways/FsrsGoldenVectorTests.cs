using System.Text.Json;
using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Tests.Pathways;

/// <summary>
/// The C# FSRS-6 scheduler against vectors from the reference implementation (ts-fsrs 5.4.2):
/// 360 review sequences over six parameter sets and retention targets, including same-day reviews,
/// lapses and very long gaps. Regenerate with bench/fsrs-golden (see bench/README.md).
/// </summary>
public class FsrsGoldenVectorTests
{
    private sealed record Golden(string Generator, List<Config> Configs, List<Sequence> Sequences, List<FuzzRange> FuzzRanges);

    private sealed record Config(string Name, double[] W, double Retention, int MaximumInterval);

    private sealed record Sequence(int Config, List<Step> Reviews);

    private sealed record Step(int Elapsed, int Rating, double? R, double Stability, double Difficulty, int Interval);

    private sealed record FuzzRange(int Interval, int Elapsed, int MaximumInterval, int Min_ivl, int Max_ivl);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<Golden> Vectors = new(() => JsonSerializer.Deserialize<Golden>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pathways", "fsrs-golden.json")), Json)!);

    private static void Close(double expected, double actual, string what)
    {
        var tolerance = 1e-4 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Every_sequence_matches_the_reference_stability_difficulty_retrievability_and_interval()
    {
        var golden = Vectors.Value;
        Assert.Equal(360, golden.Sequences.Count);
        var algorithms = golden.Configs.Select(c => new FsrsAlgorithm(new FsrsParameters { Weights = c.W, RequestRetention = c.Retention, MaximumInterval = c.MaximumInterval })).ToArray();
        var steps = 0;
        var sameDay = 0;
        for (var n = 0; n < golden.Sequences.Count; n++)
        {
            var sequence = golden.Sequences[n];
            var algorithm = algorithms[sequence.Config];
            FsrsMemoryState? state = null;
            for (var i = 0; i < sequence.Reviews.Count; i++)
            {
                var step = sequence.Reviews[i];
                var where = $"{golden.Configs[sequence.Config].Name} sequence {n} review {i} (t={step.Elapsed}, g={step.Rating})";
                if (state is { } before)
                {
                    Close(step.R!.Value, algorithm.Retrievability(step.Elapsed, before.Stability), where + " R");
                    sameDay += step.Elapsed == 0 ? 1 : 0;
                }

                state = algorithm.NextState(state, step.Elapsed, (FsrsRating)step.Rating);
                Close(step.Stability, state.Value.Stability, where + " S");
                Close(step.Difficulty, state.Value.Difficulty, where + " D");
                Assert.True(step.Interval == algorithm.NextInterval(state.Value.Stability), $"{where} interval: expected {step.Interval}, got {algorithm.NextInterval(state.Value.Stability)}");
                steps++;
            }
        }

        Assert.True(steps > 3000, $"{steps} steps");
        Assert.True(sameDay > 100, $"{sameDay} same-day reviews");
    }

    [Fact]
    public void Fuzz_ranges_match_the_reference()
    {
        foreach (var range in Vectors.Value.FuzzRanges)
        {
            Assert.Equal((range.Min_ivl, range.Max_ivl), FsrsFuzz.Range(range.Interval, range.Elapsed, range.MaximumInterval));
        }
    }

    [Fact]
    public void The_scheduler_replays_a_sequence_by_dates()
    {
        var golden = Vectors.Value;
        var sequence = golden.Sequences.First(s => s.Config == 0 && s.Reviews.Skip(1).Any(r => r.Elapsed == 0) && s.Reviews.Any(r => r.Rating == 1));
        var scheduler = new FsrsScheduler(FsrsParameters.Default);
        var day = new DateOnly(2026, 1, 5);
        var card = FsrsCard.New(7, day);
        foreach (var step in sequence.Reviews)
        {
            day = day.AddDays(step.Elapsed);
            var review = scheduler.Review(card, day, (FsrsRating)step.Rating);
            card = review.Card;
            Close(step.Stability, card.State!.Value.Stability, "S");
            Assert.Equal(day.AddDays(step.Interval), card.Due);
            Assert.Equal(step.Interval, review.ScheduledDays);
        }

        Assert.Equal(sequence.Reviews.Count, card.Reviews);
    }
}
