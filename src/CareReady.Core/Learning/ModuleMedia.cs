namespace CareReady.Core.Learning;

/// <summary>An image or other file a lesson refers to as <c>media/NAME</c>.</summary>
public sealed class ModuleMedia
{
    public int Id { get; set; }
    public int ModuleVersionId { get; set; }

    /// <summary>Path inside the package, e.g. "media/fire-triangle.svg".</summary>
    public required string Path { get; set; }

    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
