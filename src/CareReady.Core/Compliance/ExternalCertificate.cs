namespace CareReady.Core.Compliance;

/// <summary>
/// A certificate from training done elsewhere, uploaded by the learner (or on their behalf) and
/// approved or rejected by a manager. Approval records a <see cref="Completion"/> with source
/// <see cref="CompletionSource.ExternalCertificate"/> that refers back to this row.
/// </summary>
public sealed class ExternalCertificate
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public int CompetencyId { get; set; }
    public DateOnly CompletedOn { get; set; }
    public required string Provider { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public CertificateStatus Status { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}
