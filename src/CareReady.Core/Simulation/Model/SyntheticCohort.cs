namespace CareReady.Core.Simulation.Model;

/// <summary>One synthetic adult inpatient: what was observed, and whether they deteriorated within 24 hours.</summary>
public sealed record CohortPatient(PatientObservations Observations, bool Deteriorated, double TrueRisk);

/// <summary>
/// A deterministic synthetic cohort of adult general-ward inpatients, generated from physiology rules
/// written for CareReady (not from real patients). Each patient has a hidden severity of acute illness
/// and an illness type (respiratory, sepsis, cardiac, other); vital signs, consciousness and 24-hour
/// trends follow from severity and type with measurement noise; the true risk of deterioration
/// (unplanned critical-care admission, cardiac arrest or death within 24 hours) follows from severity,
/// age, comorbidities and the physiology, with an interaction the model cannot see (frail old people
/// with a fast pulse). Same seed → the same cohort.
/// Out of scope by construction (never generated): under-18s, pregnancy, chronic hypercapnic
/// respiratory failure, beta-blocked pulse responses.
/// </summary>
public static class SyntheticCohort
{
    public static IReadOnlyList<CohortPatient> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var patients = new List<CohortPatient>(count);
        for (var i = 0; i < count; i++)
        {
            patients.Add(Next(random));
        }

        return patients;
    }

    private static CohortPatient Next(Random r)
    {
        var age = (int)Math.Clamp(Math.Round(Normal(r, 66, 17)), 18, 99);
        var comorbidities = 0;
        var pComorbidity = 0.04 + 0.004 * (age - 18);
        for (var k = 0; k < 6; k++)
        {
            comorbidities += r.NextDouble() < pComorbidity ? 1 : 0;
        }

        // Hidden severity of acute illness: mostly mild, a long tail of very unwell patients.
        var severity = Math.Exp(Normal(r, -1.1, 0.85)) * (1 + 0.1 * comorbidities);
        var type = r.NextDouble() switch
        {
            < 0.3 => Illness.Respiratory,
            < 0.6 => Illness.Sepsis,
            < 0.8 => Illness.Cardiac,
            _ => Illness.Other,
        };
        var respiratory = type == Illness.Respiratory ? 1.6 : 0.8;
        var circulatory = type is Illness.Sepsis or Illness.Cardiac ? 1.4 : 0.7;

        var rr = Clamp(15 + 5 * severity * respiratory + Normal(r, 0, 2), 6, 48);
        var spo2 = 97.4 - 3 * severity * (type == Illness.Respiratory ? 1.5 : 0.5) + Normal(r, 0, 1.2);
        var onOxygen = spo2 < 93 ? r.NextDouble() < 0.8 : r.NextDouble() < 0.04;
        if (onOxygen)
        {
            spo2 += 3;
        }

        var sbp = Clamp(126 + 0.25 * (age - 60) - 12 * severity * (type == Illness.Sepsis ? 1.6 : 0.5) + Normal(r, 0, 15), 60, 240);
        var pulse = Clamp(78 + 13 * severity * circulatory + Normal(r, 0, 10), 30, 190);
        var fever = type == Illness.Sepsis ? (r.NextDouble() < 0.85 ? 1.1 : -0.9) : 0.15;
        var temperature = Math.Round((decimal)(36.8 + fever * severity + Normal(r, 0, 0.35)), 1);
        var pNotAlert = Sigmoid(-4.6 + 1.2 * severity + 0.03 * (age - 65));
        var consciousness = Consciousness.Alert;
        if (r.NextDouble() < pNotAlert)
        {
            consciousness = r.NextDouble() switch
            {
                < 0.6 => Consciousness.NewConfusion,
                < 0.85 => Consciousness.Voice,
                < 0.95 => Consciousness.Pain,
                _ => Consciousness.Unresponsive,
            };
        }

        // Worsening over the previous day: some patients are on the way up, others settling.
        var worsening = Normal(r, 0.3, 0.7);
        var rrTrend = (int)Math.Round(3 * severity * worsening + Normal(r, 0, 1.5));
        var sbpTrend = (int)Math.Round(-9 * severity * worsening + Normal(r, 0, 7));

        var obs = new PatientObservations
        {
            Age = age,
            Comorbidities = comorbidities,
            RespirationRate = rr,
            SpO2 = (int)Math.Clamp(Math.Round(spo2), 70, 100),
            OnOxygen = onOxygen,
            SystolicBp = sbp,
            Pulse = pulse,
            Temperature = r.NextDouble() < 0.03 ? null : temperature,
            Consciousness = consciousness,
            RespirationTrend = r.NextDouble() < 0.08 ? null : rrTrend,
            SystolicTrend = r.NextDouble() < 0.08 ? null : sbpTrend,
        };

        var logit = -4.4
            + 1.05 * severity
            + 0.028 * (age - 65)
            + 0.22 * comorbidities
            + 0.08 * Math.Max(0, rr - 20)
            + 0.05 * Math.Max(0, 95 - obs.SpO2)
            + (onOxygen ? 0.35 : 0)
            + 0.025 * Math.Max(0, 105 - sbp)
            + (consciousness == Consciousness.Alert ? 0 : 0.9)
            + 0.35 * worsening * severity
            + (age >= 80 && pulse >= 110 ? 0.8 : 0)
            + Normal(r, 0, 0.4);
        var risk = Sigmoid(logit);
        return new CohortPatient(obs, r.NextDouble() < risk, risk);
    }

    private enum Illness
    {
        Respiratory,
        Sepsis,
        Cardiac,
        Other,
    }

    private static int Clamp(double value, int min, int max) => (int)Math.Clamp(Math.Round(value), min, max);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Box–Muller from the seeded generator (deterministic).</summary>
    private static double Normal(Random r, double mean, double sd)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
