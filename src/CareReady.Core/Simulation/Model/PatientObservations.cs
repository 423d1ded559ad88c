namespace CareReady.Core.Simulation.Model;

/// <summary>
/// What a deterioration model is given about one adult inpatient: the latest vital signs, age,
/// comorbidities and the change in three vitals over the previous 24 hours. Missing values are null
/// (the model imputes a normal value and says so). The three context flags are not model inputs:
/// they describe populations outside the model's scope, so a scenario can show the model being
/// confidently wrong on them.
/// </summary>
public sealed record PatientObservations
{
    public int Age { get; init; }
    public int RespirationRate { get; init; }
    public int SpO2 { get; init; }
    public bool OnOxygen { get; init; }
    public int SystolicBp { get; init; }
    public int Pulse { get; init; }
    public Consciousness Consciousness { get; init; }
    public decimal? Temperature { get; init; }

    /// <summary>Number of major comorbidities (heart failure, COPD, diabetes, CKD, cancer, …), 0–6.</summary>
    public int Comorbidities { get; init; }

    /// <summary>Change in respiration rate over the last 24 h (per minute), null when no earlier set.</summary>
    public int? RespirationTrend { get; init; }

    /// <summary>Change in systolic BP over the last 24 h, null when no earlier set.</summary>
    public int? SystolicTrend { get; init; }

    /// <summary>How old the observations are when the model runs, in hours (not a model input).</summary>
    public double HoursSinceObservations { get; init; }

    /// <summary>Chronic hypercapnic respiratory failure with a target SpO2 of 88–92% (not a model input).</summary>
    public bool Hypercapnic { get; init; }

    /// <summary>Pregnant or up to 6 weeks post partum (not a model input; out of scope).</summary>
    public bool Pregnant { get; init; }

    /// <summary>On a beta blocker, which blunts the pulse response (not a model input).</summary>
    public bool BetaBlocked { get; init; }

    public News2Observations ToNews2() => new(RespirationRate, SpO2, OnOxygen, SystolicBp, Pulse, Consciousness,
        Temperature ?? 36.8m, Hypercapnic ? SpO2Scale.Scale2 : SpO2Scale.Scale1);
}
