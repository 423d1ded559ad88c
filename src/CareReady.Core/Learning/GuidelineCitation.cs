namespace CareReady.Core.Learning;

/// <summary>A guideline or regulation version that a module version's content rests on.</summary>
public sealed class GuidelineCitation
{
    public int Id { get; set; }
    public int ModuleVersionId { get; set; }
    public required string Source { get; set; }
    public required string Version { get; set; }
}
