using CareReady.Core.Compliance;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>
/// The staff records behind the demo sign-in accounts (local ids, see <see cref="DemoOrganisation"/>).
/// </summary>
public sealed record DemoPersonas(
    int LearnerStaffId,
    int ManagerStaffId,
    int ManagerDepartmentId,
    int EducatorStaffId,
    int ComplianceLeadStaffId,
    int AdminStaffId);

/// <summary>
/// A generated organisation, held in memory. Every id in it is local to the generation (1, 2, 3… per
/// kind, <see cref="Organisation"/> has id 0): departments, staff, positions and rules refer to each
/// other by those ids, and department paths are built from them, so the whole thing can be evaluated
/// with the rule engine as it is. <see cref="DemoSeeder"/> maps the local ids to database ids.
/// Competency and subject ids are the catalogue's own.
/// </summary>
public sealed class DemoOrganisation
{
    public required Organisation Organisation { get; init; }
    public required IReadOnlyList<Site> Sites { get; init; }

    /// <summary>Parents before children; <see cref="Department.Path"/> is set from local ids.</summary>
    public required IReadOnlyList<Department> Departments { get; init; }

    /// <summary>Staff with their <see cref="StaffMember.Positions"/> filled in.</summary>
    public required IReadOnlyList<StaffMember> Staff { get; init; }

    public required IReadOnlyList<RequirementRule> Rules { get; init; }
    public required IReadOnlyList<RefresherOverride> RefresherOverrides { get; init; }
    public required IReadOnlyList<SubjectTarget> SubjectTargets { get; init; }

    /// <summary>Training history, ordered by staff member then date.</summary>
    public required IReadOnlyList<Completion> Completions { get; init; }

    public required DemoPersonas Personas { get; init; }

    /// <summary>The root of the acute subtree used by the acute-only CSTF rule (Medicine &amp; Emergency).</summary>
    public required int AcuteDepartmentId { get; init; }

    /// <summary>The departments whose training was generated to be clearly behind.</summary>
    public required IReadOnlyList<int> LaggingDepartmentIds { get; init; }

    /// <summary>Training pushes and performance measures with planted effects (see <see cref="DemoImpact"/>).</summary>
    public required DemoImpactPlan Impact { get; init; }

    public IEnumerable<Position> Positions => Staff.SelectMany(s => s.Positions);

    /// <summary>The rules with the paths of their departments, ready for <see cref="RequirementResolver"/>.</summary>
    public IReadOnlyList<RuleWithScope> RulesWithScope()
    {
        var paths = Departments.ToDictionary(d => d.Id, d => d.Path);
        return Rules.Select(r => new RuleWithScope(r, r.DepartmentId is int d ? paths.GetValueOrDefault(d) : null)).ToList();
    }
}
