using System.Globalization;

namespace CareReady.Core.Pathways.Mastery;

public enum MasteryLevel
{
    /// <summary>Likely to get a typical question wrong: needs learning.</summary>
    Gap,

    /// <summary>Some way there, or not enough evidence yet.</summary>
    Developing,

    /// <summary>Reliably right on a typical question, with enough evidence.</summary>
    Strong,
}

/// <summary>
/// One person's estimate for one competency, with the evidence behind it: how many answers, how
/// many right, and the estimated chance of answering a question of average difficulty correctly.
/// </summary>
public sealed record MasteryEstimate(string Competency, double ProbabilityCorrect, int Answers, int Correct, MasteryLevel Level)
{
    public const double StrongAt = 0.85;
    public const double GapBelow = 0.6;
    public const int EvidenceForStrong = 5;

    public static MasteryLevel Classify(double probability, int answers) =>
        probability < GapBelow && answers > 0 ? MasteryLevel.Gap
        : probability >= StrongAt && answers >= EvidenceForStrong ? MasteryLevel.Strong
        : MasteryLevel.Developing;

    /// <summary>A sentence a learner or manager can read, e.g. "12 answers, 10 right; about 88% on a typical question: strong".</summary>
    public string Explanation
    {
        get
        {
            if (Answers == 0)
            {
                return "No answers yet: developing until there is evidence.";
            }

            var note = Level == MasteryLevel.Developing && Answers < EvidenceForStrong && ProbabilityCorrect >= StrongAt
                ? $" (strong after {EvidenceForStrong} answers)"
                : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"{Answers} answers, {Correct} right; about {ProbabilityCorrect * 100:0}% on a typical question: {Level.ToString().ToLowerInvariant()}{note}.");
        }
    }
}
