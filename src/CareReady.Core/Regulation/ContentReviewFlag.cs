namespace CareReady.Core.Regulation;

/// <summary>
/// A module whose published content cites a superseded guideline version: raised when the change is
/// applied, closed when a version of the module that no longer cites the old version is published.
/// </summary>
public sealed class ContentReviewFlag
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RegulatoryChangeId { get; set; }
    public int ModuleId { get; set; }

    /// <summary>The published version that cites the old guideline version.</summary>
    public int ModuleVersionId { get; set; }

    public DateTime RaisedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>The newly published version that closed the loop.</summary>
    public int? ClosedByVersionId { get; set; }
    public Learning.ModuleVersion? ClosedByVersion { get; set; }
}
