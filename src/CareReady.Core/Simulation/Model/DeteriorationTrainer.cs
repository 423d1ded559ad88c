using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CareReady.Core.Simulation.Model;

/// <summary>
/// Trains the synthetic deterioration model with ML.NET: a deterministic cohort (same seed, same
/// patients), a 70/30 split, mean–variance normalisation and L-BFGS logistic regression on one thread
/// (so the same seed gives the same weights), then AUROC, Brier and ECE on the held-out 30%.
/// </summary>
public static class DeteriorationTrainer
{
    public const int DefaultCohortSize = 20_000;
    public const double DefaultThreshold = 0.15;

    internal sealed class Row
    {
        [VectorType(DeteriorationFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class Output
    {
        public float Probability { get; set; }
    }

    public sealed record Trained(ITransformer Model, DataViewSchema Schema, ModelPerformance Performance);

    public static Trained Train(int seed, int cohortSize = DefaultCohortSize, double threshold = DefaultThreshold)
    {
        var cohort = SyntheticCohort.Generate(cohortSize, seed);
        var trainCount = (int)(cohort.Count * 0.7);
        var train = cohort.Take(trainCount).Select(ToRow).ToList();
        var test = cohort.Skip(trainCount).ToList();

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(train);
        var pipeline = ml.Transforms.NormalizeMeanVariance(nameof(Row.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                L2Regularization = 0.01f,
                NumberOfThreads = 1,
            }));
        var model = pipeline.Fit(data);

        var engine = ml.Model.CreatePredictionEngine<Row, Output>(model);
        var predictions = test.Select(p => ((double)engine.Predict(ToRow(p)).Probability, p.Deteriorated)).ToList();
        return new Trained(model, data.Schema, Measure(seed, trainCount, predictions, threshold));
    }

    internal static ModelPerformance Measure(int seed, int trainCount, IReadOnlyList<(double Probability, bool Outcome)> predictions, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (p, y) in predictions)
        {
            var flagged = p >= threshold;
            if (flagged && y)
            {
                tp++;
            }
            else if (flagged)
            {
                fp++;
            }
            else if (y)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new ModelPerformance(
            seed,
            Math.Round(ModelMetrics.Auroc(predictions), 4),
            Math.Round(ModelMetrics.Brier(predictions), 4),
            Math.Round(ModelMetrics.Ece(predictions), 4),
            trainCount,
            predictions.Count,
            Math.Round((double)(tp + fn) / predictions.Count, 4),
            threshold,
            Math.Round(tp + fn == 0 ? 0 : (double)tp / (tp + fn), 4),
            Math.Round(tn + fp == 0 ? 0 : (double)tn / (tn + fp), 4),
            Math.Round(tp + fp == 0 ? 0 : (double)tp / (tp + fp), 4),
            ModelMetrics.Calibration(predictions).Select(b => b with
            {
                MeanPredicted = Math.Round(b.MeanPredicted, 4),
                Observed = Math.Round(b.Observed, 4),
            }).ToList());
    }

    internal static Row ToRow(CohortPatient p) => new() { Features = DeteriorationFeatures.From(p.Observations), Label = p.Deteriorated };
}
