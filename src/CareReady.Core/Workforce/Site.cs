namespace CareReady.Core.Workforce;

/// <summary>A hospital or other physical site of an organisation.</summary>
public sealed class Site
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}
