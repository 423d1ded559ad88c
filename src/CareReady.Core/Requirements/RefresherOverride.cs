namespace CareReady.Core.Requirements;

/// <summary>
/// An organisation's local refresher period for a competency, replacing the framework's. The
/// framework allows deviation only with a recorded reason, so <see cref="Justification"/> is required.
/// </summary>
public sealed class RefresherOverride
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int CompetencyId { get; set; }

    /// <summary>Local refresher period in months.</summary>
    public int Months { get; set; }

    public required string Justification { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}
