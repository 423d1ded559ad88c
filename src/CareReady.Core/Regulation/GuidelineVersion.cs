namespace CareReady.Core.Regulation;

/// <summary>How much a new guideline version asks of the people who learned from the previous one.</summary>
public enum ChangeSeverity
{
    /// <summary>Worth knowing; nobody's certification moves.</summary>
    Information,

    /// <summary>Content must be updated and people must take the update by a deadline.</summary>
    UpdateTraining,

    /// <summary>Certification on the old version no longer counts: re-certify.</summary>
    Recertify,
}

public enum GuidelineVersionStatus
{
    /// <summary>Entered or imported from a feed, awaiting review: nothing has changed yet.</summary>
    Proposed,

    /// <summary>The version in force.</summary>
    Current,

    /// <summary>Replaced by a newer version through an applied change.</summary>
    Superseded,

    /// <summary>A proposal that was dismissed.</summary>
    Withdrawn,
}

/// <summary>One version of a guideline source; module versions cite it by its <see cref="Label"/>.</summary>
public sealed class GuidelineVersion
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int GuidelineSourceId { get; set; }
    public GuidelineSource? Source { get; set; }

    /// <summary>The version text content cites, exactly (e.g. "2021", "Second edition, December 2024").</summary>
    public required string Label { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>What changed from the previous version, in plain words.</summary>
    public string? Summary { get; set; }

    public ChangeSeverity Severity { get; set; }
    public GuidelineVersionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
}
