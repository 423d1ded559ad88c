using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Model;

namespace CareReady.Core.Tests.Simulation;

public sealed class DeteriorationModelTests
{
    [Fact]
    public void Auroc_brier_and_ece_on_hand_worked_examples()
    {
        Assert.Equal(1.0, ModelMetrics.Auroc([(0.1, false), (0.4, true), (0.35, false), (0.8, true)]));
        // One of four positive–negative pairs in the wrong order (0.4 < 0.5).
        Assert.Equal(0.75, ModelMetrics.Auroc([(0.1, false), (0.4, true), (0.5, false), (0.8, true)]));
        Assert.Equal(0.5, ModelMetrics.Auroc([(0.5, true), (0.5, false)]));
        Assert.True(double.IsNaN(ModelMetrics.Auroc([(0.5, true)])));
        Assert.Equal(0.065, ModelMetrics.Brier([(0.8, true), (0.3, false)]), 10);
        // Bin 0: mean 0.05, observed 0.5 (gap 0.45, 2 cases); bin 9: mean 0.95, observed 1 (gap 0.05, 2 cases) → 1.0 / 4.
        Assert.Equal(0.25, ModelMetrics.Ece([(0.05, false), (0.05, true), (0.95, true), (0.95, true)]), 10);
    }

    [Fact]
    public void The_cohort_is_deterministic()
    {
        var a = SyntheticCohort.Generate(200, 5);
        var b = SyntheticCohort.Generate(200, 5);
        Assert.Equal(a, b);
        Assert.NotEqual(a, SyntheticCohort.Generate(200, 6));
    }

    [Fact]
    public void Training_is_deterministic_and_discriminates_on_held_out_data()
    {
        var first = DeteriorationTrainer.Train(seed: 11, cohortSize: 6000).Performance;
        var second = DeteriorationTrainer.Train(seed: 11, cohortSize: 6000).Performance;
        Assert.Equal(first.SummaryJson(), second.SummaryJson());
        Assert.Equal(4200, first.TrainCount);
        Assert.Equal(1800, first.TestCount);
        Assert.InRange(first.Auroc, 0.7, 0.95);
        Assert.InRange(first.Ece, 0, 0.05);
        Assert.InRange(first.Brier, 0, first.Prevalence);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_figures_and_predictions()
    {
        var dir = Path.Combine(Path.GetTempPath(), "careready-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            var trained = MlNetDeteriorationModel.LoadOrTrain(dir, 3);
            var loaded = MlNetDeteriorationModel.LoadOrTrain(dir, 3);
            Assert.True(trained.Trained);
            Assert.False(loaded.Trained);
            Assert.Equal(trained.Card.Performance.SummaryJson(), loaded.Card.Performance.SummaryJson());

            var unwell = new PatientObservations
            {
                Age = 82, Comorbidities = 3, RespirationRate = 28, SpO2 = 91, OnOxygen = true, SystolicBp = 92, Pulse = 118,
                Temperature = 38.6m, Consciousness = Consciousness.NewConfusion, RespirationTrend = 6, SystolicTrend = -25,
            };
            var well = new PatientObservations
            {
                Age = 45, RespirationRate = 15, SpO2 = 98, SystolicBp = 128, Pulse = 70, Temperature = 36.7m,
                Consciousness = Consciousness.Alert, RespirationTrend = 0, SystolicTrend = 0,
            };
            var p = loaded.Predict(unwell);
            Assert.Equal(trained.Predict(unwell), p, new PredictionComparer());
            Assert.True(p.HighRisk);
            Assert.True(p.Probability > loaded.Predict(well).Probability);
            Assert.False(loaded.Predict(well).HighRisk);
            Assert.NotEmpty(p.DrivingFactors);
            Assert.Contains("not alert (ACVPU)", p.DrivingFactors.Select(f => f.Factor));

            // Missing temperature is imputed as normal and said so.
            Assert.Equal(["temperature"], loaded.Predict(well with { Temperature = null }).Imputed);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class PredictionComparer : IEqualityComparer<DeteriorationPrediction>
    {
        public bool Equals(DeteriorationPrediction? x, DeteriorationPrediction? y) =>
            x!.Probability.Equals(y!.Probability) && x.HighRisk == y.HighRisk && x.DrivingFactors.SequenceEqual(y.DrivingFactors);

        public int GetHashCode(DeteriorationPrediction obj) => obj.Probability.GetHashCode();
    }
}
