namespace CareReady.Core.Simulation;

/// <summary>Level of consciousness on the ACVPU scale (NEWS2). New confusion scores as V, P or U do.</summary>
public enum Consciousness
{
    Alert = 0,
    NewConfusion = 1,
    Voice = 2,
    Pain = 3,
    Unresponsive = 4,
}

/// <summary>Which SpO2 scoring row applies: scale 2 only for hypercapnic respiratory failure with a prescribed 88–92% target.</summary>
public enum SpO2Scale
{
    Scale1 = 1,
    Scale2 = 2,
}

/// <summary>The NEWS2 clinical-risk band (RCP 2017, chart 2).</summary>
public enum News2Risk
{
    /// <summary>Aggregate 0.</summary>
    None = 0,

    /// <summary>Aggregate 1–4 with no single parameter scoring 3.</summary>
    Low = 1,

    /// <summary>A red score: 3 in any single parameter, aggregate below 5.</summary>
    LowMedium = 2,

    /// <summary>Aggregate 5–6.</summary>
    Medium = 3,

    /// <summary>Aggregate 7 or more.</summary>
    High = 4,
}

/// <summary>One set of observations to score. Rates and pressures are whole numbers; temperature in °C to one decimal.</summary>
public sealed record News2Observations(
    int RespirationRate,
    int SpO2,
    bool OnOxygen,
    int SystolicBp,
    int Pulse,
    Consciousness Consciousness,
    decimal Temperature,
    SpO2Scale Scale = SpO2Scale.Scale1);

/// <summary>The per-parameter scores, the aggregate, the band and the response the chart asks for.</summary>
public sealed record News2Result(
    int RespirationRate,
    int SpO2,
    int AirOrOxygen,
    int SystolicBp,
    int Pulse,
    int Consciousness,
    int Temperature,
    int Total,
    bool RedScore,
    News2Risk Risk,
    string Monitoring,
    string Response);

/// <summary>
/// National Early Warning Score 2, exactly as on the Royal College of Physicians 2017 chart 1 (scoring)
/// and chart 2 (thresholds and triggers) and chart 3 (clinical response).
/// </summary>
public static class News2
{
    public static int ScoreRespirationRate(int perMinute) => perMinute switch
    {
        <= 8 => 3,
        <= 11 => 1,
        <= 20 => 0,
        <= 24 => 2,
        _ => 3,
    };

    /// <summary>
    /// SpO2 in %. Scale 1: ≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0 (oxygen or air).
    /// Scale 2: ≤83 → 3, 84–85 → 2, 86–87 → 1, 88–92 → 0, ≥93 on air → 0; on oxygen 93–94 → 1, 95–96 → 2, ≥97 → 3.
    /// </summary>
    public static int ScoreSpO2(int percent, bool onOxygen, SpO2Scale scale)
    {
        if (scale == SpO2Scale.Scale1)
        {
            return percent switch
            {
                <= 91 => 3,
                <= 93 => 2,
                <= 95 => 1,
                _ => 0,
            };
        }

        return percent switch
        {
            <= 83 => 3,
            <= 85 => 2,
            <= 87 => 1,
            <= 92 => 0,
            _ when !onOxygen => 0,
            <= 94 => 1,
            <= 96 => 2,
            _ => 3,
        };
    }

    public static int ScoreAirOrOxygen(bool onOxygen) => onOxygen ? 2 : 0;

    public static int ScoreSystolicBp(int mmHg) => mmHg switch
    {
        <= 90 => 3,
        <= 100 => 2,
        <= 110 => 1,
        <= 219 => 0,
        _ => 3,
    };

    public static int ScorePulse(int perMinute) => perMinute switch
    {
        <= 40 => 3,
        <= 50 => 1,
        <= 90 => 0,
        <= 110 => 1,
        <= 130 => 2,
        _ => 3,
    };

    public static int ScoreConsciousness(Consciousness level) => level == Consciousness.Alert ? 0 : 3;

    /// <summary>Temperature in °C, read to one decimal place (half away from zero): ≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2.</summary>
    public static int ScoreTemperature(decimal celsius)
    {
        var t = Math.Round(celsius, 1, MidpointRounding.AwayFromZero);
        return t switch
        {
            <= 35.0m => 3,
            <= 36.0m => 1,
            <= 38.0m => 0,
            <= 39.0m => 1,
            _ => 2,
        };
    }

    /// <summary>The band for an aggregate and whether any single parameter scored 3.</summary>
    public static News2Risk Band(int total, bool redScore) => total switch
    {
        >= 7 => News2Risk.High,
        >= 5 => News2Risk.Medium,
        _ when redScore => News2Risk.LowMedium,
        >= 1 => News2Risk.Low,
        _ => News2Risk.None,
    };

    public static News2Result Score(News2Observations o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var rr = ScoreRespirationRate(o.RespirationRate);
        var spo2 = ScoreSpO2(o.SpO2, o.OnOxygen, o.Scale);
        var air = ScoreAirOrOxygen(o.OnOxygen);
        var bp = ScoreSystolicBp(o.SystolicBp);
        var pulse = ScorePulse(o.Pulse);
        var acvpu = ScoreConsciousness(o.Consciousness);
        var temp = ScoreTemperature(o.Temperature);
        var total = rr + spo2 + air + bp + pulse + acvpu + temp;

        // Air or oxygen scores at most 2, so it can never be the red score.
        var red = rr == 3 || spo2 == 3 || bp == 3 || pulse == 3 || acvpu == 3 || temp == 3;
        var risk = Band(total, red);
        return new News2Result(rr, spo2, air, bp, pulse, acvpu, temp, total, red, risk, Monitoring(risk), Response(risk));
    }

    /// <summary>Minimum monitoring frequency (RCP chart 3).</summary>
    public static string Monitoring(News2Risk risk) => risk switch
    {
        News2Risk.None => "Minimum 12-hourly observations.",
        News2Risk.Low => "Minimum 4–6-hourly observations.",
        News2Risk.LowMedium => "Minimum 1-hourly observations.",
        News2Risk.Medium => "Minimum 1-hourly observations.",
        News2Risk.High => "Continuous monitoring of vital signs.",
        _ => throw new ArgumentOutOfRangeException(nameof(risk)),
    };

    /// <summary>The clinical response (RCP chart 3), in plain words.</summary>
    public static string Response(News2Risk risk) => risk switch
    {
        News2Risk.None => "Continue routine NEWS monitoring.",
        News2Risk.Low => "Ward-based response: a registered nurse assesses the patient and decides whether to increase the frequency of monitoring or escalate care.",
        News2Risk.LowMedium => "Urgent ward-based response: a registered nurse informs the medical team caring for the patient, who review the patient and decide whether escalation is needed.",
        News2Risk.Medium => "Key threshold for urgent response: a registered nurse immediately informs the medical team; urgent assessment by a clinician or team with core competencies in the care of acutely ill patients; provide clinical care in an environment with monitoring facilities.",
        News2Risk.High => "Emergency response: a registered nurse immediately informs the medical team (at least specialist registrar level); emergency assessment by a team with critical care competencies, including airway management; consider transfer to a level 2 or 3 care facility.",
        _ => throw new ArgumentOutOfRangeException(nameof(risk)),
    };

    /// <summary>Short label for a band: "Low", "Low–medium (red score)", "Medium", "High" or "None".</summary>
    public static string Label(News2Risk risk) => risk switch
    {
        News2Risk.None => "None (score 0)",
        News2Risk.Low => "Low",
        News2Risk.LowMedium => "Low–medium (3 in a single parameter)",
        News2Risk.Medium => "Medium",
        News2Risk.High => "High",
        _ => risk.ToString(),
    };
}
