namespace CareReady.Core.Pathways.Simulation;

/// <summary>
/// The simulated learners' true memory — deliberately not FSRS. It is the ACT-R declarative-memory
/// model with the spacing effect (Pavlik &amp; Anderson, 2005): every exposure (an answered question,
/// a re-read lesson) leaves a trace that decays as a power of its age; activation is
/// m(t) = ln Σ (t − tⱼ)^(−dⱼ), and a trace laid down while memory is still strong decays faster:
/// dⱼ = c·e^(m(tⱼ)) + α. Recall is σ((m − τ)/s) with τ = τ₀ + item difficulty − person ability, and α
/// varies by person and by item. Fixed before any policy was compared (docs/decisions/0010).
/// </summary>
public static class TrueMemoryModel
{
    /// <summary>Spacing-effect scale c.</summary>
    public const double SpacingScale = 0.25;

    /// <summary>Median decay intercept α (per day-scaled trace).</summary>
    public const double DecayIntercept = 0.2;

    /// <summary>Median recall threshold τ₀ and the logistic noise s.</summary>
    public const double Threshold = -1.0;

    public const double Noise = 0.35;

    /// <summary>Spread (log scale) of α between people and between items.</summary>
    public const double PersonDecaySpread = 0.15;

    public const double ItemDecaySpread = 0.15;

    /// <summary>Spread (activation units) of person ability and item difficulty.</summary>
    public const double AbilitySpread = 0.35;

    public const double DifficultySpread = 0.35;

    /// <summary>Shortest trace age counted (one hour), so same-day exposures stay finite.</summary>
    public const double MinimumAge = 1.0 / 24;

    /// <summary>Activation at time <paramref name="t"/> (days) from the traces laid down before it; −∞ with none.</summary>
    public static double Activation(List<Trace> traces, double t)
    {
        var sum = 0.0;
        foreach (var trace in traces)
        {
            if (trace.Time < t)
            {
                sum += Math.Pow(Math.Max(t - trace.Time, MinimumAge), -trace.Decay);
            }
        }

        return sum > 0 ? Math.Log(sum) : double.NegativeInfinity;
    }

    /// <summary>True probability of recall at <paramref name="t"/>.</summary>
    public static double Recall(List<Trace> traces, double t, double threshold)
    {
        var m = Activation(traces, t);
        return double.IsNegativeInfinity(m) ? 0 : 1 / (1 + Math.Exp(-(m - threshold) / Noise));
    }

    /// <summary>Adds an exposure at <paramref name="t"/>; its decay depends on how strong memory was then.</summary>
    public static void Expose(List<Trace> traces, double t, double decayIntercept)
    {
        var m = Activation(traces, t);
        var decay = (double.IsNegativeInfinity(m) ? 0 : SpacingScale * Math.Exp(m)) + decayIntercept;
        traces.Add(new Trace(t, decay));
    }
}

/// <summary>One exposure: when (days) and how fast it decays.</summary>
public readonly record struct Trace(double Time, double Decay);
