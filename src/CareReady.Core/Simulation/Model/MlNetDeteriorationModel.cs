using System.Globalization;
using Microsoft.ML;

namespace CareReady.Core.Simulation.Model;

/// <summary>
/// The shipped model: an ML.NET model file (zip) and its measured performance (a JSON file beside it),
/// trained on first use with <see cref="DeteriorationTrainer"/> when the files are missing and loaded
/// from disk after that. Thread-safe. Driving factors are found by setting each input in turn to its
/// normal value and seeing how far the probability falls (model-agnostic, so an ONNX model could use
/// the same explanation).
/// </summary>
public sealed class MlNetDeteriorationModel : IDeteriorationModel
{
    private readonly PredictionEngine<DeteriorationTrainer.Row, DeteriorationTrainer.Output> _engine;
    private readonly Lock _lock = new();

    private MlNetDeteriorationModel(MLContext ml, ITransformer model, ModelPerformance performance, string path)
    {
        _engine = ml.Model.CreatePredictionEngine<DeteriorationTrainer.Row, DeteriorationTrainer.Output>(model);
        Card = ModelCard.ForSyntheticModel(performance);
        ModelPath = path;
    }

    public ModelCard Card { get; }

    /// <summary>The model file this instance was loaded from.</summary>
    public string ModelPath { get; }

    /// <summary>Whether <see cref="LoadOrTrain"/> trained the model (true) or read it from disk (false).</summary>
    public bool Trained { get; private init; }

    public static string ModelFile(string directory, int seed) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"deterioration-seed{seed}.zip"));

    /// <summary>Loads the model for <paramref name="seed"/> from <paramref name="directory"/>, training and saving it first when absent.</summary>
    public static MlNetDeteriorationModel LoadOrTrain(string directory, int seed)
    {
        // One trainer per process; files are written under unique names and moved into place, so two
        // processes sharing a folder at worst both train and both write the same figures.
        lock (TrainingLock)
        {
            return LoadOrTrainCore(directory, seed);
        }
    }

    private static readonly Lock TrainingLock = new();

    private static MlNetDeteriorationModel LoadOrTrainCore(string directory, int seed)
    {
        var path = ModelFile(directory, seed);
        var metricsPath = Path.ChangeExtension(path, ".json");
        var ml = new MLContext(seed);
        if (File.Exists(path) && File.Exists(metricsPath))
        {
            var performance = ModelPerformance.FromJson(File.ReadAllText(metricsPath))
                ?? throw new InvalidDataException($"{metricsPath} is not a model performance file.");
            var loaded = ml.Model.Load(path, out _);
            return new MlNetDeteriorationModel(ml, loaded, performance, path);
        }

        var trained = DeteriorationTrainer.Train(seed);
        Directory.CreateDirectory(directory);
        var unique = "." + Guid.NewGuid().ToString("N") + ".tmp";
        ml.Model.Save(trained.Model, trained.Schema, path + unique);
        File.WriteAllText(metricsPath + unique, trained.Performance.ToJson());
        File.Move(path + unique, path, overwrite: true);
        File.Move(metricsPath + unique, metricsPath, overwrite: true);

        // Reload from the file, so what runs is exactly what was saved.
        var model = ml.Model.Load(path, out _);
        return new MlNetDeteriorationModel(ml, model, trained.Performance, path) { Trained = true };
    }

    public double Probability(float[] features)
    {
        lock (_lock)
        {
            return _engine.Predict(new DeteriorationTrainer.Row { Features = features }).Probability;
        }
    }

    public DeteriorationPrediction Predict(PatientObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var features = DeteriorationFeatures.From(observations);
        var p = Probability(features);
        var reference = DeteriorationFeatures.From(Reference);
        var factors = new List<DrivingFactor>();
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i].Equals(reference[i]))
            {
                continue;
            }

            var changed = (float[])features.Clone();
            changed[i] = reference[i];
            var contribution = p - Probability(changed);
            if (contribution >= 0.01)
            {
                factors.Add(new DrivingFactor(DeteriorationFeatures.Names[i], Describe(i, observations), Math.Round(contribution, 3)));
            }
        }

        return new DeteriorationPrediction(
            Math.Round(p, 3),
            p >= Card.Performance.Threshold,
            factors.OrderByDescending(f => f.Contribution).Take(4).ToList(),
            DeteriorationFeatures.Imputed(observations),
            ModelCard.ShortScope);
    }

    /// <summary>The "normal" patient each input is compared against: 65 years old, one comorbidity, normal vital signs, no trend.</summary>
    private static readonly PatientObservations Reference = new()
    {
        Age = 65,
        Comorbidities = 1,
        RespirationRate = 16,
        SpO2 = 97,
        SystolicBp = 125,
        Pulse = 75,
        Temperature = DeteriorationFeatures.NormalTemperature,
        Consciousness = Consciousness.Alert,
        RespirationTrend = 0,
        SystolicTrend = 0,
    };

    private static string Describe(int feature, PatientObservations o) => feature switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{o.Age} years"),
        1 or 2 => string.Create(CultureInfo.InvariantCulture, $"{o.RespirationRate}/min"),
        3 => string.Create(CultureInfo.InvariantCulture, $"{o.SpO2}%"),
        4 => "yes",
        5 or 6 => string.Create(CultureInfo.InvariantCulture, $"{o.SystolicBp} mmHg"),
        7 or 8 => string.Create(CultureInfo.InvariantCulture, $"{o.Pulse}/min"),
        9 => o.Consciousness.ToString(),
        10 or 11 => string.Create(CultureInfo.InvariantCulture, $"{o.Temperature:0.0} °C"),
        12 => o.Comorbidities.ToString(CultureInfo.InvariantCulture),
        13 => string.Create(CultureInfo.InvariantCulture, $"+{o.RespirationTrend}/min"),
        14 => string.Create(CultureInfo.InvariantCulture, $"{o.SystolicTrend} mmHg"),
        _ => string.Empty,
    };
}
