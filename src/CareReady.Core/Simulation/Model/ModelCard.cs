using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareReady.Core.Simulation.Model;

/// <summary>The measured figures of a trained model on held-out data, and how it was trained.</summary>
public sealed record ModelPerformance(
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("auroc")] double Auroc,
    [property: JsonPropertyName("brier")] double Brier,
    [property: JsonPropertyName("ece")] double Ece,
    [property: JsonPropertyName("n_train")] int TrainCount,
    [property: JsonPropertyName("n_test")] int TestCount,
    [property: JsonPropertyName("prevalence")] double Prevalence,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("sensitivity")] double Sensitivity,
    [property: JsonPropertyName("specificity")] double Specificity,
    [property: JsonPropertyName("ppv")] double Ppv,
    [property: JsonPropertyName("calibration")] IReadOnlyList<CalibrationBin> Calibration)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The one-line JSON the CLI prints: seed, AUROC, Brier, ECE and the split sizes.</summary>
    public string SummaryJson() => string.Create(CultureInfo.InvariantCulture,
        $$"""{"seed":{{Seed}},"auroc":{{Auroc:0.0000}},"brier":{{Brier:0.0000}},"ece":{{Ece:0.0000}},"n_train":{{TrainCount}},"n_test":{{TestCount}}}""");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelPerformance? FromJson(string json) => JsonSerializer.Deserialize<ModelPerformance>(json, Json);
}

/// <summary>A simple model card (Mitchell et al. 2019): intended use, scope, population, performance, failure modes.</summary>
public sealed record ModelCard(
    string Name,
    string Version,
    string IntendedUse,
    string Scope,
    string Population,
    string Outcome,
    string Method,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> KnownFailureModes,
    ModelPerformance Performance)
{
    public const string ShortScope =
        "Adults (18+) on general adult wards, not pregnant, not on SpO2 scale 2; observations under 4 hours old.";

    public static ModelCard ForSyntheticModel(ModelPerformance performance) => new(
        "CareReady synthetic deterioration-risk model",
        string.Create(CultureInfo.InvariantCulture, $"1.0 (seed {performance.Seed})"),
        "Training only. Estimates the probability that an adult ward patient deteriorates (unplanned critical-care admission, cardiac arrest or death) within 24 hours, to give CareReady's simulations a real model that is sometimes right and sometimes wrong. It is not a medical device and must never be used for real patients.",
        ShortScope,
        "A synthetic cohort of adult general-ward inpatients generated from physiology rules written for CareReady: age 18–99 (mean about 66), 0–6 comorbidities, respiratory, septic, cardiac and other acute illness of varying severity; about 3% missing temperatures and 8% missing trends (imputed as normal).",
        "Deterioration within 24 hours (unplanned critical-care admission, cardiac arrest or death).",
        "Logistic regression (ML.NET L-BFGS, inputs normalised to mean 0 and variance 1) on 15 inputs derived from the vital signs, age, comorbidities and 24-hour trends; trained on 70% of the cohort and measured on the other 30%.",
        DeteriorationFeatures.Names,
        [
            "Out-of-scope populations: patients with chronic hypercapnic respiratory failure (SpO2 scale 2, target 88–92%) look hypoxic to the model and are scored as high risk when they are stable; pregnancy and under-18s were never in the cohort.",
            "Blunted physiology: a beta blocker holds the pulse down, so a septic patient can score low.",
            "Missing or stale data: missing values are imputed as normal, and observations hours old describe the patient as they were, not as they are.",
            "Distribution shift: a population unlike the training cohort (another case mix, a new disease, another hospital's recording habits) changes both discrimination and calibration; the figures below hold for the synthetic cohort only.",
            "It sees only numbers: what the patient says, how they look, the family's worry and the nurse's judgement are not inputs.",
        ],
        performance);
}
