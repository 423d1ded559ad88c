namespace CareReady.Core.Pathways.RolePathways;

/// <summary>
/// A role or development pathway defined by educators ("AI champion", "Preceptorship", "Ward manager"):
/// a name, a description and an ordered list of competencies to gain.
/// </summary>
public sealed class RolePathway
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>Learners may choose it themselves as their development pathway.</summary>
    public bool OpenToLearners { get; set; } = true;

    public bool Active { get; set; } = true;
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<RolePathwayStep> Steps { get; set; } = [];
}

/// <summary>One step of a pathway: a competency to gain, in order, with an optional note for the learner.</summary>
public sealed class RolePathwayStep
{
    public int Id { get; set; }
    public int RolePathwayId { get; set; }
    public int Position { get; set; }
    public int CompetencyId { get; set; }
    public string? Note { get; set; }
}
