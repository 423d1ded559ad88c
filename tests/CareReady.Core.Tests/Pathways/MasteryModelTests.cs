using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Simulation;

namespace CareReady.Core.Tests.Pathways;

/// <summary>The Elo-style mastery model: updates, learned item difficulty, the strong / developing / gap profile and its explanation.</summary>
public class MasteryModelTests
{
    [Fact]
    public void A_new_person_and_item_start_at_even_odds_and_move_with_each_answer()
    {
        var model = new MasteryModel();
        Assert.Equal(0.5, model.Predict("p", "fire", "q1"), 12);
        model.Record("p", "fire", "q1", correct: true);
        var afterRight = model.Predict("p", "fire", "q1");
        Assert.True(afterRight > 0.5);
        // Person +0.25, competency +0.5, item −0.5 (step 1 at no evidence, person at half step): logit 1.25.
        Assert.Equal(1 / (1 + Math.Exp(-1.25)), afterRight, 12);
        model.Record("p", "fire", "q1", correct: false);
        Assert.True(model.Predict("p", "fire", "q1") < afterRight);
    }

    [Fact]
    public void Item_difficulty_is_learned_from_everyone()
    {
        var model = new MasteryModel();
        for (var p = 0; p < 50; p++)
        {
            model.Record($"p{p}", "fire", "hard", correct: p % 5 == 0);
            model.Record($"p{p}", "fire", "easy", correct: true);
        }

        Assert.True(model.Item("hard").Difficulty > 0.5, $"hard: {model.Item("hard").Difficulty}");
        Assert.True(model.Item("easy").Difficulty < -0.5, $"easy: {model.Item("easy").Difficulty}");
        Assert.Equal(50, model.Item("hard").Answers);
        // A newcomer is predicted to find the hard item harder than the easy one.
        Assert.True(model.Predict("new", "fire", "hard") < model.Predict("new", "fire", "easy"));
    }

    [Fact]
    public void The_profile_says_strong_developing_or_gap_with_its_evidence()
    {
        var model = new MasteryModel();
        for (var i = 0; i < 8; i++)
        {
            model.Record("nurse", "resus", $"r{i}", correct: true);
            model.Record("nurse", "safeguarding", $"s{i}", correct: i == 3);
        }

        model.Record("nurse", "fire", "f1", correct: true);
        var resus = model.Estimate("nurse", "resus");
        var safeguarding = model.Estimate("nurse", "safeguarding");
        var fire = model.Estimate("nurse", "fire");
        var ipc = model.Estimate("nurse", "ipc");
        Assert.Equal(MasteryLevel.Strong, resus.Level);
        Assert.Equal((8, 8), (resus.Answers, resus.Correct));
        Assert.Equal(MasteryLevel.Gap, safeguarding.Level);
        Assert.Equal(MasteryLevel.Developing, fire.Level);
        Assert.Equal(MasteryLevel.Developing, ipc.Level);
        Assert.StartsWith("8 answers, 8 right; about ", resus.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("% on a typical question: strong.", resus.Explanation, StringComparison.Ordinal);
        Assert.Equal("No answers yet: developing until there is evidence.", ipc.Explanation);
    }

    [Theory]
    [InlineData(0.9, 5, MasteryLevel.Strong)]
    [InlineData(0.9, 4, MasteryLevel.Developing)]
    [InlineData(0.85, 10, MasteryLevel.Strong)]
    [InlineData(0.84, 10, MasteryLevel.Developing)]
    [InlineData(0.6, 10, MasteryLevel.Developing)]
    [InlineData(0.59, 1, MasteryLevel.Gap)]
    [InlineData(0.3, 0, MasteryLevel.Developing)]
    public void Classification_thresholds(double probability, int answers, MasteryLevel level) =>
        Assert.Equal(level, MasteryEstimate.Classify(probability, answers));

    [Fact]
    public void Auc_is_one_for_perfect_ranking_a_half_for_ties_and_counts_ties_half()
    {
        var perfect = new PredictionMetrics();
        var ties = new PredictionMetrics();
        foreach (var (p, y) in new[] { (0.2, false), (0.4, false), (0.6, true), (0.9, true) })
        {
            perfect.Add(p, y);
            ties.Add(0.5, y);
        }

        Assert.Equal(1.0, perfect.Auc(), 12);
        Assert.Equal(0.5, ties.Auc(), 12);
        var mixed = new PredictionMetrics();
        mixed.Add(0.3, false);
        mixed.Add(0.3, true);
        mixed.Add(0.8, true);
        Assert.Equal(0.75, mixed.Auc(), 12);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.3) + Math.Log(0.8)) / 3, mixed.LogLoss(), 12);
    }
}
