namespace CareReady.Core.Workforce;

public enum DepartmentKind
{
    Division = 0,
    Department = 1,
    Ward = 2,
}

/// <summary>
/// A node of the organisation's department tree (division → department → ward).
/// <see cref="Path"/> is the materialised path of ids ("/3/17/42/") so a subtree is one prefix query.
/// </summary>
public sealed class Department
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int? SiteId { get; set; }
    public int? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DepartmentKind Kind { get; set; }

    /// <summary>"/{root id}/…/{own id}/"; set by <see cref="DepartmentTree.AssignPath"/>.</summary>
    public string Path { get; set; } = "";
}
