using System.Text.Json;
using CareReady.Core.Pathways.Simulation;

namespace CareReady.Core.Tests.Pathways;

/// <summary>The evaluation harness on a small population: same seed, same figures; the JSON line has the shape.</summary>
public class PathwayBenchmarkTests
{
    [Fact]
    public void Same_seed_gives_the_same_figures_and_the_json_has_the_agreed_shape()
    {
        var first = PathwayBenchmark.Run(60, 11);
        var second = PathwayBenchmark.Run(60, 11);
        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.NotEqual(first.ToJson(), PathwayBenchmark.Run(60, 12).ToJson());

        using var json = JsonDocument.Parse(first.ToJson());
        var root = json.RootElement;
        Assert.Equal(["policies", "mastery_auc", "baseline_auc", "plan_p95_ms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["fixed_annual", "sm2", "careready"], root.GetProperty("policies").EnumerateObject().Select(p => p.Name));
        foreach (var policy in root.GetProperty("policies").EnumerateObject())
        {
            Assert.Equal(["retained_share", "study_minutes_per_year", "log_loss", "rmse_bins"], policy.Value.EnumerateObject().Select(p => p.Name));
            Assert.InRange(policy.Value.GetProperty("retained_share").GetDouble(), 0, 1);
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("plan_p95_ms").ValueKind);
        using var timed = JsonDocument.Parse(first.ToJson(12.345678));
        Assert.Equal(12.3457, timed.RootElement.GetProperty("plan_p95_ms").GetDouble());
        Assert.InRange(root.GetProperty("mastery_auc").GetDouble(), 0.5, 1);
    }

    [Theory]
    [InlineData(80, 3)]
    [InlineData(120, 7)]
    public void CareReady_is_compared_at_no_more_study_time_than_sm2_and_both_within_the_annual_budget(int learners, int seed)
    {
        var result = PathwayBenchmark.Run(learners, seed);
        var (annual, sm2, careready) = (result.Policies[0], result.Policies[1], result.Policies[2]);
        Assert.Equal(("fixed_annual", "sm2", "careready"), (annual.Policy, sm2.Policy, careready.Policy));
        Assert.Equal(annual.StudyMinutesPerYear, result.BudgetMinutesPerYear);
        Assert.True(sm2.StudyMinutesPerYear <= result.BudgetMinutesPerYear + 1e-9, $"SM-2 spent {sm2.StudyMinutesPerYear} of {result.BudgetMinutesPerYear}");
        Assert.True(careready.StudyMinutesPerYear <= sm2.StudyMinutesPerYear + 1e-9, $"CareReady spent {careready.StudyMinutesPerYear}, SM-2 {sm2.StudyMinutesPerYear}");

        // Matched, not merely capped: the target retention is raised as far as SM-2's minutes allow (FSRS
        // intervals are whole days, so minutes move in steps and an exact tie is rarely possible).
        Assert.InRange(result.CareReadyRetention, 0.6, 0.99);
        Assert.True(careready.StudyMinutesPerYear > 0.9 * sm2.StudyMinutesPerYear, $"CareReady spent {careready.StudyMinutesPerYear}, SM-2 {sm2.StudyMinutesPerYear}");
    }

    [Fact]
    public void Capped_policies_never_spend_more_than_the_budget()
    {
        var population = new SimulatedPopulation(30, 5);
        var options = new SimulationOptions { BudgetMinutesPerYear = 20 };
        var sm2 = PathwaySimulation.Run(population, new Sm2Policy(30, population.Items.Count, 0.5, 1), options, 5);
        var careready = PathwaySimulation.Run(population, new CareReadyPolicy(30, population.Items, 0.5, 0.95), options, 5);
        Assert.InRange(sm2.StudyMinutesPerYear, 19, 20 + 1e-9);
        Assert.InRange(careready.StudyMinutesPerYear, 19, 20 + 1e-9);
    }

    [Fact]
    public void With_no_refresher_memory_fades_and_the_annual_refresher_brings_it_back()
    {
        var traces = new List<Trace>();
        TrueMemoryModel.Expose(traces, 0, TrueMemoryModel.DecayIntercept);
        TrueMemoryModel.Expose(traces, 0.02, TrueMemoryModel.DecayIntercept);
        var week = TrueMemoryModel.Recall(traces, 7, TrueMemoryModel.Threshold);
        var year = TrueMemoryModel.Recall(traces, 365, TrueMemoryModel.Threshold);
        Assert.InRange(week, 0.9, 0.97);
        Assert.InRange(year, 0.35, 0.5);
        TrueMemoryModel.Expose(traces, 365, TrueMemoryModel.DecayIntercept);
        Assert.True(TrueMemoryModel.Recall(traces, 366, TrueMemoryModel.Threshold) > 0.9);
    }
}
