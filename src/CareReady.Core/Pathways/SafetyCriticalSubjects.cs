namespace CareReady.Core.Pathways;

/// <summary>
/// The Core Skills Training Framework subjects whose knowledge protects patients directly, so their
/// questions become spaced refreshers and their gaps rank first in a plan: resuscitation, infection
/// prevention and control, safeguarding adults and children, moving and handling, fire safety.
/// (The framework carries no patient-safety flag of its own; see ADR 0012.)
/// </summary>
public static class SafetyCriticalSubjects
{
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CSTF-RES", "CSTF-IPC", "CSTF-SGA", "CSTF-SGC", "CSTF-MH", "CSTF-FIRE",
    };

    public static bool Contains(string subjectCode) => Codes.Contains(subjectCode);
}
