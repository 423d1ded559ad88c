namespace CareReady.Core.Learning;

/// <summary>One lesson of a module version, in Markdown (rendered with Markdig, raw HTML disabled).</summary>
public sealed class ModuleLesson
{
    public int Id { get; set; }
    public int ModuleVersionId { get; set; }

    /// <summary>1-based order within the version.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }
    public required string Markdown { get; set; }
}
