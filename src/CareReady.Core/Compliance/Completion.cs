namespace CareReady.Core.Compliance;

public enum CompletionSource
{
    /// <summary>Loaded from a previous system or generated history.</summary>
    Historic = 0,
    Module = 1,
    Xapi = 2,
    ExternalCertificate = 3,
    PriorLearning = 4,

    /// <summary>An observed assessment of practice signed off by a supervisor.</summary>
    ObservedAssessment = 5,

    /// <summary>A self-assessment against a competency framework, confirmed by a supervisor.</summary>
    SelfAssessment = 6,

    /// <summary>A clinical simulation passed (Reference names the scenario version and run).</summary>
    Simulation = 7,
}

/// <summary>A dated piece of evidence that a person achieved a competency. Append-only.</summary>
public sealed class Completion
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int CompetencyId { get; set; }
    public DateOnly CompletedOn { get; set; }
    public CompletionSource Source { get; set; }

    /// <summary>Where it came from: module version, statement id, certificate id, previous employer.</summary>
    public string? Reference { get; set; }

    /// <summary>For a module completion: the exact module version passed.</summary>
    public int? ModuleVersionId { get; set; }

    /// <summary>For recognised prior learning: the employer or body where it was achieved.</summary>
    public string? PriorLearningSource { get; set; }

    /// <summary>Who recorded it (an account email, "import", "demo", "xapi:{client}").</summary>
    public string? RecordedBy { get; set; }

    /// <summary>When CareReady learned of it (UTC) — distinct from when it was achieved.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// True on the person's latest completion of this competency (by day, then by record), false on every
    /// earlier one: what their current certification rests on. Kept by <see cref="LatestCompletions"/> on
    /// every save; a derived marker, not evidence (not audited). See docs/decisions/0011.
    /// </summary>
    public bool IsLatest { get; set; }
}
