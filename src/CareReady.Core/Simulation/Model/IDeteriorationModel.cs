namespace CareReady.Core.Simulation.Model;

/// <summary>A factor that pushed this prediction up: what it is, the patient's value, and by how much it moved the probability.</summary>
public sealed record DrivingFactor(string Factor, string Value, double Contribution);

/// <summary>What the AI tool shows at a decision point.</summary>
public sealed record DeteriorationPrediction(
    double Probability,
    bool HighRisk,
    IReadOnlyList<DrivingFactor> DrivingFactors,
    IReadOnlyList<string> Imputed,
    string Scope);

/// <summary>
/// The seam where a deterioration-risk model plugs in. CareReady ships <see cref="MlNetDeteriorationModel"/>
/// (trained on a synthetic cohort); a trust can register its own implementation — for example one that
/// runs its validated ONNX model through ONNX Runtime on <see cref="DeteriorationFeatures.From"/> — and
/// the scenarios, reliance measures and model page use it unchanged (see README, "Bring your own model").
/// </summary>
public interface IDeteriorationModel
{
    /// <summary>The model card: what it is for, where it may be used, how well it performed.</summary>
    ModelCard Card { get; }

    DeteriorationPrediction Predict(PatientObservations observations);
}
