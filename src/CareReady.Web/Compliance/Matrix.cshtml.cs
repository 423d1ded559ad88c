using CareReady.Core.Compliance;
using CareReady.Core.Competencies;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Compliance;

/// <summary>The team matrix: people × requirements with status and dates; sortable and filterable.</summary>
public sealed class MatrixModel(CurrentUser current, ComputeComplianceSnapshot compute, GetDepartmentTree tree, TimeProvider time)
    : CompliancePageModel(current, compute, tree, time)
{
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true, Name = "show")]
    public string Show { get; set; } = "all";

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? SubjectCode { get; set; }

    public IReadOnlyList<Competency> Columns { get; private set; } = [];
    public IReadOnlyList<SnapshotPerson> Rows { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Subjects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is not PageResult)
        {
            return result;
        }

        var all = Snapshot.People.SelectMany(p => p.Statuses).Select(s => s.Requirement.Competency)
            .DistinctBy(c => c.Id).OrderBy(c => c.Subject?.Name, StringComparer.Ordinal).ThenBy(c => c.Level).ToList();
        Subjects = all.Select(c => (c.Subject!.Code, c.Subject.Name)).Distinct().ToList();
        Columns = string.IsNullOrEmpty(SubjectCode) ? all : all.Where(c => c.Subject?.Code == SubjectCode).ToList();
        var columnIds = Columns.Select(c => c.Id).ToHashSet();

        static int Red(SnapshotPerson p, HashSet<int> ids) => p.Statuses.Count(s => ids.Contains(s.Requirement.Competency.Id) && s.Rag == "red");
        IEnumerable<SnapshotPerson> rows = Snapshot.People;
        rows = Show switch
        {
            "action" => rows.Where(p => Red(p, columnIds) > 0),
            "compliant" => rows.Where(p => p.Statuses.Where(s => columnIds.Contains(s.Requirement.Competency.Id)).All(s => s.IsCompliant)),
            _ => rows,
        };
        rows = Sort switch
        {
            "department" => rows.OrderBy(p => p.DepartmentName, StringComparer.Ordinal).ThenBy(p => p.LastName, StringComparer.Ordinal),
            "overdue" => rows.OrderByDescending(p => Red(p, columnIds)).ThenBy(p => p.LastName, StringComparer.Ordinal),
            _ => rows.OrderBy(p => p.LastName, StringComparer.Ordinal).ThenBy(p => p.FirstName, StringComparer.Ordinal),
        };
        Rows = rows.ToList();
        return result;
    }

    public string SortLink(string sort) => Link("/compliance/matrix", $"sort={sort}&show={Show}&subject={SubjectCode}");
}
