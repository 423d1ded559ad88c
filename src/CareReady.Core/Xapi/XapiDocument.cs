namespace CareReady.Core.Xapi;

public enum XapiDocumentKind : short
{
    State = 1,
    ActivityProfile = 2,
    AgentProfile = 3,
}

/// <summary>
/// A document of the State, Activity Profile or Agent Profile resource. Absent parts of its address
/// (no agent for an activity profile, no registration) are stored as "" so one unique index covers all three.
/// </summary>
public sealed class XapiDocument
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public XapiDocumentKind Kind { get; set; }
    public string ActivityId { get; set; } = "";
    public string AgentKey { get; set; } = "";
    public string Registration { get; set; } = "";
    public required string DocumentId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }

    /// <summary>SHA-1 of the content, hex (quoted in the ETag header).</summary>
    public required string ETag { get; set; }

    public DateTime Updated { get; set; }
}
