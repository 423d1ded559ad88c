namespace CareReady.Core.Identity;

/// <summary>A manager sees the department (and everything below it) named here.</summary>
public sealed class ManagerScope
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string UserId { get; set; }
    public int DepartmentId { get; set; }
}
