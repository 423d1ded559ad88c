namespace CareReady.Core.Simulation.Model;

/// <summary>
/// The model's input vector: 15 numbers computed from <see cref="PatientObservations"/>, in this
/// order. A trust plugging in its own (ONNX) model receives the same vector, or the observations
/// themselves through <see cref="IDeteriorationModel"/>. Deviations are one-sided ("how far above
/// 20 breaths a minute") so a linear model can represent both tachycardia and bradycardia.
/// </summary>
public static class DeteriorationFeatures
{
    public const int Count = 15;

    /// <summary>Normal values used when a value is missing, and as the reference for driving factors.</summary>
    public const decimal NormalTemperature = 36.8m;

    public static readonly IReadOnlyList<string> Names =
    [
        "age", "respiration rate above 20", "respiration rate below 12", "SpO2 below 96%", "on supplemental oxygen",
        "systolic BP below 110", "systolic BP above 200", "pulse above 90", "pulse below 50", "not alert (ACVPU)",
        "temperature above 38.0 °C", "temperature below 36.0 °C", "comorbidities", "respiration rate rising over 24 h",
        "systolic BP falling over 24 h",
    ];

    public static float[] From(PatientObservations o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var temp = (float)(o.Temperature ?? NormalTemperature);
        return
        [
            o.Age / 10f,
            Math.Max(0, o.RespirationRate - 20),
            Math.Max(0, 12 - o.RespirationRate),
            Math.Max(0, 96 - o.SpO2),
            o.OnOxygen ? 1 : 0,
            Math.Max(0, 110 - o.SystolicBp) / 10f,
            Math.Max(0, o.SystolicBp - 200) / 10f,
            Math.Max(0, o.Pulse - 90) / 10f,
            Math.Max(0, 50 - o.Pulse) / 10f,
            o.Consciousness == Consciousness.Alert ? 0 : 1,
            Math.Max(0, temp - 38f),
            Math.Max(0, 36f - temp),
            o.Comorbidities,
            Math.Max(0, o.RespirationTrend ?? 0),
            Math.Max(0, -(o.SystolicTrend ?? 0)) / 10f,
        ];
    }

    /// <summary>Which inputs were missing and imputed as normal.</summary>
    public static IReadOnlyList<string> Imputed(PatientObservations o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var list = new List<string>();
        if (o.Temperature is null)
        {
            list.Add("temperature");
        }

        if (o.RespirationTrend is null)
        {
            list.Add("respiration rate trend");
        }

        if (o.SystolicTrend is null)
        {
            list.Add("systolic BP trend");
        }

        return list;
    }
}
