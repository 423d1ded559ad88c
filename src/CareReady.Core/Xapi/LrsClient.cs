namespace CareReady.Core.Xapi;

/// <summary>
/// A system allowed to use the LRS with HTTP Basic credentials. The secret is shown once and kept
/// only as a SHA-256 hash (it is 32 random bytes, so a slow hash adds nothing but latency).
/// </summary>
public sealed class LrsClient
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>The Basic user name; unique across the installation.</summary>
    public required string Key { get; set; }

    public required string SecretHash { get; set; }
    public bool CanRead { get; set; }
    public bool CanWrite { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// Makes statements about an activity count for compliance: a completion or pass of
/// <see cref="ActivityId"/> records a completion of the competency (or of every competency the module's
/// published version confers).
/// </summary>
public sealed class XapiActivityMapping
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string ActivityId { get; set; }
    public int? ModuleId { get; set; }
    public int? CompetencyId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
