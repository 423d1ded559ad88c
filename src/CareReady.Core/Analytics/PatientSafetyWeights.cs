namespace CareReady.Core.Analytics;

/// <summary>
/// How much a gap in a subject matters for patient safety (1 low – 3 high), used to weight risk exposure.
/// Resuscitation, infection prevention and safeguarding put patients at direct risk when missing; moving and
/// handling and fire safety do so less directly; the rest are weighted 1. A subject not listed weighs 1.
/// </summary>
public static class PatientSafetyWeights
{
    private static readonly Dictionary<string, int> Weights = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CSTF-RES"] = 3,
        ["CSTF-IPC"] = 3,
        ["CSTF-SGA"] = 3,
        ["CSTF-SGC"] = 3,
        ["CSTF-MH"] = 2,
        ["CSTF-FIRE"] = 2,
        ["CSTF-CR"] = 2,
    };

    public static int For(string subjectCode) => Weights.GetValueOrDefault(subjectCode, 1);
}
