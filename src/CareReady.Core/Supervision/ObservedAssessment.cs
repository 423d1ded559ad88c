using System.Text.Json;
using CareReady.Core.Compliance;

namespace CareReady.Core.Supervision;

public enum ObservedAssessmentStatus
{
    /// <summary>Observed and written down, not (yet) signed off — for example a criterion was not met.</summary>
    Recorded = 0,

    /// <summary>Every criterion met and signed off by the supervisor; the completion is recorded.</summary>
    SignedOff = 1,
}

/// <summary>One criterion of the checklist as observed.</summary>
public sealed record CriterionResult(string Criterion, bool Met);

/// <summary>
/// A supervisor observes a person's practice (e.g. basic life support) against a checklist and signs
/// it off. Signing off records a completion of the observed-practice competency in the same transaction.
/// </summary>
public sealed class ObservedAssessment
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }

    /// <summary>The observed-practice competency (e.g. CSTF-RES-2A-OBS).</summary>
    public int CompetencyId { get; set; }

    public required string SupervisorUserId { get; set; }

    /// <summary>The supervisor's name as they signed.</summary>
    public required string SupervisorName { get; set; }

    public DateOnly ObservedOn { get; set; }

    /// <summary>The checklist as observed, a JSON list of <see cref="CriterionResult"/>.</summary>
    public string CriteriaJson { get; set; } = "[]";

    public string? Comments { get; set; }
    public ObservedAssessmentStatus Status { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime? SignedOffAt { get; set; }

    public long? CompletionId { get; set; }
    public Completion? Completion { get; set; }

    public IReadOnlyList<CriterionResult> Criteria() => JsonSerializer.Deserialize<List<CriterionResult>>(CriteriaJson, Json) ?? [];

    public void SetCriteria(IEnumerable<CriterionResult> criteria) => CriteriaJson = JsonSerializer.Serialize(criteria.ToList(), Json);
}
