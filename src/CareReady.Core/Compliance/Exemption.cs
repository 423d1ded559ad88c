namespace CareReady.Core.Compliance;

/// <summary>
/// A time-limited exemption from one requirement (e.g. a pregnant midwife exempt from moving and
/// handling level 2 until her return). While it runs, the requirement counts as met; when it ends,
/// the normal state applies again. Never deleted: revoking sets <see cref="RevokedAt"/>.
/// </summary>
public sealed class Exemption
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int CompetencyId { get; set; }
    public required string Reason { get; set; }
    public required string ApprovedBy { get; set; }
    public DateTime ApprovedAt { get; set; }
    public DateOnly StartsOn { get; set; }

    /// <summary>First day the exemption no longer applies.</summary>
    public DateOnly EndsOn { get; set; }

    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool AppliesOn(DateOnly date) => StartsOn <= date && date < EndsOn && RevokedAt is null;
}
