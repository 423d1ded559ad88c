namespace CareReady.Core.Learning;

/// <summary>
/// A learning module: the stable identity (its <see cref="Code"/>) under which versions are written,
/// reviewed, published and retired. The content lives on <see cref="ModuleVersion"/>.
/// </summary>
public sealed class Module
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Stable key across versions and packages, e.g. "FIRE-SAFETY".</summary>
    public required string Code { get; set; }

    public DateTime CreatedAt { get; set; }
    public List<ModuleVersion> Versions { get; set; } = [];
}
