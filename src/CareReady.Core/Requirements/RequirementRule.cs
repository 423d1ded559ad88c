using CareReady.Core.Competencies;

namespace CareReady.Core.Requirements;

/// <summary>
/// "People in this audience need this competency." Every audience criterion that is set must hold
/// (they combine with AND); a rule with no criteria applies to all staff of the organisation.
/// </summary>
public sealed class RequirementRule
{
    public const int DefaultGraceDays = 30;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }

    public int CompetencyId { get; set; }
    public Competency? Competency { get; set; }

    // --- audience (null = any) ---
    public string? StaffGroupCode { get; set; }
    public string? JobRole { get; set; }

    /// <summary>The rule applies to positions in this department or anywhere below it.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Clinical staff group (from the staff group list) — true, false, or any.</summary>
    public bool? Clinical { get; set; }
    public bool? PatientContact { get; set; }
    public bool? WorksWithChildren { get; set; }
    public bool? RegisteredClinician { get; set; }

    // --- what is required ---
    /// <summary>New starters have this many days from their position start before it is overdue.</summary>
    public int GraceDays { get; set; } = DefaultGraceDays;

    /// <summary>
    /// The competency must also be observed in practice: the resolver then also requires its
    /// observed-practice counterpart (same subject, level and variant), with the same reasons.
    /// </summary>
    public bool RequiresObservation { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
