namespace CareReady.Core.Pathways.RolePathways;

/// <summary>
/// A pathway given to a person or to everyone in a department subtree (by a manager, compliance lead
/// or admin), or chosen by a learner for themself. Ending one keeps the row.
/// </summary>
public sealed class PathwayAssignment
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RolePathwayId { get; set; }

    /// <summary>The person (set when assigned to or chosen by one person).</summary>
    public int? StaffMemberId { get; set; }

    /// <summary>The department subtree (set when assigned to a team).</summary>
    public int? DepartmentId { get; set; }

    /// <summary>True when the learner chose it themself.</summary>
    public bool ChosenByLearner { get; set; }

    public required string AssignedBy { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}
