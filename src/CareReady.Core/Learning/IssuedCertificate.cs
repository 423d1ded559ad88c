namespace CareReady.Core.Learning;

/// <summary>How the module was completed, for the certificate's wording.</summary>
public enum CertificateRoute
{
    /// <summary>CareReady's own lessons and assessment (<see cref="IssuedCertificate.AttemptId"/>).</summary>
    Assessment = 0,

    /// <summary>A SCORM package played in CareReady (<see cref="IssuedCertificate.ScormAttemptId"/>).</summary>
    ScormPackage = 1,

    /// <summary>A cmi5 course launched from CareReady (<see cref="IssuedCertificate.Cmi5RegistrationId"/>).</summary>
    Cmi5Course = 2,
}

/// <summary>
/// A completion certificate, issued once when a module is completed — its assessment passed, its SCORM package
/// completed or passed, its cmi5 course satisfied — and never changed: it keeps the holder's name and the module
/// as they were at issue, and a verification code that anyone can check on the public verification page (which
/// shows nothing else).
/// </summary>
public sealed class IssuedCertificate
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public CertificateRoute Route { get; set; }

    /// <summary>The passed assessment attempt (route Assessment).</summary>
    public long? AttemptId { get; set; }

    /// <summary>The SCORM attempt that completed the package (route ScormPackage).</summary>
    public long? ScormAttemptId { get; set; }

    /// <summary>The satisfied cmi5 registration (route Cmi5Course).</summary>
    public int? Cmi5RegistrationId { get; set; }

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

    /// <summary>The score as a whole percentage; null when the package or course reported none.</summary>
    public int? ScorePercent { get; set; }
    public DateOnly CompletedOn { get; set; }

    /// <summary>When the certification it gave runs out, as known at issue (null when it never expires).</summary>
    public DateOnly? ValidUntil { get; set; }

    public DateTime IssuedAt { get; set; }
}
