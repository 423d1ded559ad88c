namespace CareReady.Core.Audit;

/// <summary>
/// One append-only entry of the audit trail. Entries form a chain per organisation: each carries
/// the SHA-256 of the previous entry of its chain (<see cref="PreviousHash"/>) and its own hash
/// over every field, so editing or deleting any entry breaks the chain at that point.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Null for entries about the installation itself (the "system" chain).</summary>
    public int? OrganisationId { get; set; }

    /// <summary>1, 2, 3… within the organisation's chain, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }
    public required string Actor { get; set; }

    /// <summary>"created", "updated", "deleted" or a domain verb ("exemption.approved").</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>JSON of the changed properties before the change (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed properties after the change (null when deleted).</summary>
    public string? After { get; set; }

    public string? Reason { get; set; }

    /// <summary>Hex SHA-256 of the previous entry of the chain; 64 zeros for the first.</summary>
    public required string PreviousHash { get; set; }

    /// <summary>Hex SHA-256 of this entry's canonical form (which includes <see cref="PreviousHash"/>).</summary>
    public required string Hash { get; set; }
}
