namespace CareReady.Core.Workforce;

/// <summary>One of the nine NHS staff groups used by HR systems (reference data, shared by all organisations).</summary>
public sealed class StaffGroup
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Clinical { get; set; }
}
