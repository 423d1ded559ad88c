namespace CareReady.Core.Learning;

/// <summary>A learning outcome of a module version; questions are tagged with one and drawn per outcome.</summary>
public sealed class LearningOutcome
{
    public int Id { get; set; }
    public int ModuleVersionId { get; set; }
    public int Position { get; set; }

    /// <summary>Unique within the version, e.g. "LO1".</summary>
    public required string Code { get; set; }

    public required string Text { get; set; }
}
