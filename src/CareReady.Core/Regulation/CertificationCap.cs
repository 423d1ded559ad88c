namespace CareReady.Core.Regulation;

/// <summary>
/// "This completion's certification is valid until at most <see cref="ValidUntil"/>": written when a
/// regulatory change is applied, for each person whose current certification rests on content citing
/// the superseded guideline version. Every compliance calculation (the reference calculator, the
/// in-memory engine and the SQL baseline) honours it. Never deleted: undoing the change sets <see cref="RevokedAt"/>.
/// </summary>
public sealed class CertificationCap
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int RegulatoryChangeId { get; set; }
    public int StaffMemberId { get; set; }
    public int CompetencyId { get; set; }
    public long CompletionId { get; set; }
    public DateOnly CompletedOn { get; set; }

    /// <summary>First day the certification no longer counts (it is expired on this day).</summary>
    public DateOnly ValidUntil { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
