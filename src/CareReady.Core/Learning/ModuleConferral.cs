namespace CareReady.Core.Learning;

/// <summary>A competency that passing the module's assessment gives.</summary>
public sealed class ModuleConferral
{
    public int ModuleVersionId { get; set; }
    public int CompetencyId { get; set; }
}
