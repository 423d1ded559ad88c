using System.Globalization;

namespace CareReady.Core.Simulation;

/// <summary>
/// One AI decision point as the learner played it: their first answer and confidence (0–1 that it is
/// right), the AI's answer, and their final answer and confidence; <see cref="Correct"/> is the right answer.
/// </summary>
public sealed record AiDecision(string Initial, double InitialConfidence, string AiAnswer, string Final, double FinalConfidence, string Correct)
{
    public bool InitialRight => Initial == Correct;
    public bool AiRight => AiAnswer == Correct;
    public bool FinalRight => Final == Correct;

    /// <summary>Changed their mind to the AI's answer.</summary>
    public bool SwitchedToAi => Initial != AiAnswer && Final == AiAnswer;

    /// <summary>Over-reliance: switched to an AI that was wrong.</summary>
    public bool OverReliance => !AiRight && SwitchedToAi;

    /// <summary>Under-reliance: the AI was right and the final answer is not the AI's.</summary>
    public bool UnderReliance => AiRight && Final != AiAnswer;
}

/// <summary>
/// Appropriate-reliance measures over a set of AI decisions (one learner, one scenario or a cohort).
/// Ratios are null when nothing could be measured (their denominator is zero).
/// RAIR (relative AI reliance, Schemmer et al. 2023): of the cases where the person was wrong first and the AI right, the share
/// where they switched to the AI. RSR (relative self-reliance): of the cases where the person was right first and the AI wrong,
/// the share where they kept their answer. (1, 1) is ideal.
/// </summary>
public sealed record RelianceSummary(
    int Cases,
    int AiRightCases,
    int AiWrongCases,
    double? InitialAccuracy,
    double? FinalAccuracy,
    double? AccuracyWhenAiRight,
    double? AccuracyWhenAiWrong,
    int OverReliance,
    double? OverRelianceRate,
    int UnderReliance,
    double? UnderRelianceRate,
    int RairCases,
    double? Rair,
    int RsrCases,
    double? Rsr,
    double? BrierInitial,
    double? BrierFinal,
    double? MeanFinalConfidence);

public static class RelianceMeasures
{
    public static RelianceSummary Compute(IReadOnlyCollection<AiDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var aiRight = decisions.Where(d => d.AiRight).ToList();
        var aiWrong = decisions.Where(d => !d.AiRight).ToList();
        var rairCases = decisions.Where(d => !d.InitialRight && d.AiRight).ToList();
        var rsrCases = decisions.Where(d => d.InitialRight && !d.AiRight).ToList();
        var over = decisions.Count(d => d.OverReliance);
        var under = decisions.Count(d => d.UnderReliance);
        return new RelianceSummary(
            decisions.Count,
            aiRight.Count,
            aiWrong.Count,
            Share(decisions, d => d.InitialRight),
            Share(decisions, d => d.FinalRight),
            Share(aiRight, d => d.FinalRight),
            Share(aiWrong, d => d.FinalRight),
            over,
            aiWrong.Count == 0 ? null : (double)over / aiWrong.Count,
            under,
            aiRight.Count == 0 ? null : (double)under / aiRight.Count,
            rairCases.Count,
            Share(rairCases, d => d.Final == d.AiAnswer),
            rsrCases.Count,
            Share(rsrCases, d => d.Final == d.Initial),
            decisions.Count == 0 ? null : decisions.Average(d => Squared(d.InitialConfidence, d.InitialRight)),
            decisions.Count == 0 ? null : decisions.Average(d => Squared(d.FinalConfidence, d.FinalRight)),
            decisions.Count == 0 ? null : decisions.Average(d => Math.Clamp(d.FinalConfidence, 0, 1)));
    }

    /// <summary>Plain-language feedback for the learner, one sentence per finding.</summary>
    public static IReadOnlyList<string> Feedback(RelianceSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var lines = new List<string>();
        if (s.Cases == 0)
        {
            return lines;
        }

        var c = CultureInfo.InvariantCulture;
        if (s.OverReliance > 0)
        {
            lines.Add(string.Format(c, "You changed your answer to follow the AI when it was wrong {0} time{1}. When the AI's answer disagrees with what you see, check its stated scope and the data it used before switching.",
                s.OverReliance, s.OverReliance == 1 ? string.Empty : "s"));
        }

        if (s.UnderReliance > 0)
        {
            lines.Add(string.Format(c, "You set aside a correct AI answer {0} time{1}. The AI was right there: look again at the factors it named.",
                s.UnderReliance, s.UnderReliance == 1 ? string.Empty : "s"));
        }

        if (s.Rsr is { } rsr && rsr >= 1 && s.AiWrongCases > 0)
        {
            lines.Add("When you were right and the AI was wrong, you kept your answer every time: good self-reliance.");
        }

        if (s.Rair is { } rair && rair >= 1)
        {
            lines.Add("When the AI was right and you were not, you took its answer every time: good use of the AI.");
        }

        if (s.OverReliance == 0 && s.UnderReliance == 0)
        {
            lines.Add("Your final answers relied on the AI appropriately in every AI decision.");
        }

        if (s.BrierFinal is { } brier && s.MeanFinalConfidence is { } confidence && s.FinalAccuracy is { } accuracy)
        {
            lines.Add(brier <= 0.1
                ? "Your confidence matched how often you were right (well calibrated)."
                : confidence > accuracy + 0.1
                    ? string.Format(c, "You were more confident ({0:0%} on average) than your results justified ({1:0%} right): slow down when you feel sure.", confidence, accuracy)
                    : confidence < accuracy - 0.1
                        ? string.Format(c, "You were right more often ({0:0%}) than your confidence suggested ({1:0%}): trust your own judgement a little more.", accuracy, confidence)
                        : "Your confidence was not a good guide to which answers were right; rate it case by case.");
        }

        return lines;
    }

    private static double? Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? null : (double)items.Count(predicate) / items.Count;

    private static double Squared(double confidence, bool right)
    {
        var gap = Math.Clamp(confidence, 0, 1) - (right ? 1 : 0);
        return gap * gap;
    }
}
