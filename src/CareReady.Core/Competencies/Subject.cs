namespace CareReady.Core.Competencies;

/// <summary>A subject of a framework ("Resuscitation", "Evaluating AI"); its competencies are the levels.</summary>
public sealed class Subject
{
    public int Id { get; set; }
    public required string FrameworkCode { get; set; }

    /// <summary>Stable code, e.g. "CSTF-RES" or "AIDHT-D6.3".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Null for national frameworks; set for a competency an organisation defines itself.</summary>
    public int? OrganisationId { get; set; }

    public List<Competency> Competencies { get; set; } = [];
}
