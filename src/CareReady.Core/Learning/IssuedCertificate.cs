namespace CareReady.Core.Learning;

/// <summary>
/// A completion certificate, issued once when an assessment is passed and never changed: it keeps the
/// holder's name and the module as they were at issue, and a verification code that anyone can check
/// on the public verification page (which shows nothing else).
/// </summary>
public sealed class IssuedCertificate
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public long AttemptId { get; set; }
    public int ModuleVersionId { get; set; }

    /// <summary>Random, unguessable, e.g. "K7QF-M2XD-9RWA".</summary>
    public required string VerificationCode { get; set; }

    public required string HolderName { get; set; }
    public required string OrganisationName { get; set; }
    public required string ModuleCode { get; set; }
    public required string ModuleTitle { get; set; }
    public int VersionNumber { get; set; }

    /// <summary>What it counts for, as named at issue ("Fire Safety — Level 1; …").</summary>
    public required string Competencies { get; set; }

    public int ScorePercent { get; set; }
    public DateOnly CompletedOn { get; set; }

    /// <summary>When the certification it gave runs out, as known at issue (null when it never expires).</summary>
    public DateOnly? ValidUntil { get; set; }

    public DateTime IssuedAt { get; set; }
}
