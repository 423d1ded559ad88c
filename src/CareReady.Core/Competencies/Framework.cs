namespace CareReady.Core.Competencies;

/// <summary>A competency framework: the CSTF, the AI &amp; digital capability framework, a local clinical one.</summary>
public sealed class Framework
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Publisher { get; set; }
}
