namespace CareReady.Core.Regulation;

/// <summary>
/// A guideline, regulation or framework an organisation's content rests on (e.g. "Resuscitation
/// Council UK Guidelines", "UK GDPR and the Data Protection Act 2018"). Its <see cref="Name"/> is the
/// text module versions cite as their source, so a citation finds its registry entry exactly.
/// </summary>
public sealed class GuidelineSource
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The name content cites, exactly (e.g. "NICE NG51 Sepsis: recognition, diagnosis and early management").</summary>
    public required string Name { get; set; }

    /// <summary>Who publishes it (e.g. "NICE", "Resuscitation Council UK").</summary>
    public string? Publisher { get; set; }

    public string? Url { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<GuidelineVersion> Versions { get; set; } = [];
}
