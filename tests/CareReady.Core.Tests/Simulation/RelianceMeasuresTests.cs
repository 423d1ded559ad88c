using CareReady.Core.Simulation;

namespace CareReady.Core.Tests.Simulation;

public sealed class RelianceMeasuresTests
{
    // Hand-worked set of six decisions; the right answer is always "A".
    //  #  initial  AI  final  what happened
    //  1  B        A   A      wrong first, AI right, switched to AI         → RAIR case, reliance ✓
    //  2  B        A   B      wrong first, AI right, kept own               → RAIR case ✗, under-reliance
    //  3  A        B   A      right first, AI wrong, kept own               → RSR case ✓
    //  4  A        B   B      right first, AI wrong, switched to AI         → RSR case ✗, over-reliance
    //  5  A        A   A      agreed, both right                            → no reliance case
    //  6  B        B   B      agreed, both wrong                            → no reliance case (not a switch)
    private static readonly AiDecision[] Six =
    [
        new("B", 0.6, "A", "A", 0.8, "A"),
        new("B", 0.9, "A", "B", 0.9, "A"),
        new("A", 0.7, "B", "A", 0.7, "A"),
        new("A", 0.5, "B", "B", 0.6, "A"),
        new("A", 0.9, "A", "A", 1.0, "A"),
        new("B", 0.8, "B", "B", 0.8, "A"),
    ];

    [Fact]
    public void Rair_and_rsr_on_a_hand_worked_set()
    {
        var s = RelianceMeasures.Compute(Six);
        Assert.Equal(6, s.Cases);
        Assert.Equal(2, s.RairCases);
        Assert.Equal(0.5, s.Rair);
        Assert.Equal(2, s.RsrCases);
        Assert.Equal(0.5, s.Rsr);
    }

    [Fact]
    public void Accuracy_split_by_whether_the_ai_was_right()
    {
        var s = RelianceMeasures.Compute(Six);
        Assert.Equal(3, s.AiRightCases);   // 1, 2, 5
        Assert.Equal(3, s.AiWrongCases);   // 3, 4, 6
        Assert.Equal(2.0 / 3, s.AccuracyWhenAiRight!.Value, 10);  // 1 and 5 final A
        Assert.Equal(1.0 / 3, s.AccuracyWhenAiWrong!.Value, 10);  // only 3
        Assert.Equal(3.0 / 6, s.InitialAccuracy);                 // 3, 4, 5
        Assert.Equal(3.0 / 6, s.FinalAccuracy);                   // 1, 3, 5
    }

    [Fact]
    public void Over_and_under_reliance()
    {
        var s = RelianceMeasures.Compute(Six);
        Assert.Equal(1, s.OverReliance);                          // 4 switched to the wrong AI; 6 never switched
        Assert.Equal(1.0 / 3, s.OverRelianceRate!.Value, 10);
        Assert.Equal(1, s.UnderReliance);                         // 2 overrode the right AI
        Assert.Equal(1.0 / 3, s.UnderRelianceRate!.Value, 10);
    }

    [Fact]
    public void Brier_of_stated_confidence()
    {
        var s = RelianceMeasures.Compute(Six);
        // Initial: right 3,4,5 with 0.7, 0.5, 0.9; wrong 1,2,6 with 0.6, 0.9, 0.8.
        // (0.09 + 0.25 + 0.01 + 0.36 + 0.81 + 0.64) / 6 = 2.16 / 6 = 0.36
        Assert.Equal(0.36, s.BrierInitial!.Value, 10);
        // Final: right 1,3,5 with 0.8, 0.7, 1.0; wrong 2,4,6 with 0.9, 0.6, 0.8.
        // (0.04 + 0.09 + 0 + 0.81 + 0.36 + 0.64) / 6 = 1.94 / 6
        Assert.Equal(1.94 / 6, s.BrierFinal!.Value, 10);
        Assert.Equal(4.8 / 6, s.MeanFinalConfidence!.Value, 10);
    }

    [Fact]
    public void Ideal_reliance_is_one_one_and_nothing_measurable_is_null()
    {
        var ideal = RelianceMeasures.Compute([new("B", 0.5, "A", "A", 0.9, "A"), new("A", 0.8, "B", "A", 0.9, "A")]);
        Assert.Equal((1.0, 1.0), (ideal.Rair!.Value, ideal.Rsr!.Value));
        Assert.Equal(0, ideal.OverReliance);

        var agreeing = RelianceMeasures.Compute([new("A", 1, "A", "A", 1, "A")]);
        Assert.Null(agreeing.Rair);
        Assert.Null(agreeing.Rsr);
        Assert.Null(agreeing.OverRelianceRate);
        Assert.Equal(0.0, agreeing.BrierFinal);

        var none = RelianceMeasures.Compute([]);
        Assert.Null(none.FinalAccuracy);
        Assert.Empty(RelianceMeasures.Feedback(none));
    }

    [Fact]
    public void Feedback_names_over_reliance_and_overconfidence_in_plain_words()
    {
        var s = RelianceMeasures.Compute([new("A", 0.9, "B", "B", 0.95, "A"), new("A", 0.9, "A", "A", 0.95, "A")]);
        var feedback = RelianceMeasures.Feedback(s);
        Assert.Contains(feedback, f => f.StartsWith("You changed your answer to follow the AI when it was wrong 1 time.", StringComparison.Ordinal));
        Assert.Contains(feedback, f => f.StartsWith("You were more confident (95% on average) than your results justified (50% right)", StringComparison.Ordinal));
    }
}
