using System.Globalization;
using CareReady.Core.Compliance;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Compliance;

/// <summary>Shared by the compliance pages: the unit and day chosen, the departments to choose from, the snapshot.</summary>
[Authorize(Policy = Policies.PeopleReaders)]
public abstract class CompliancePageModel(CurrentUser current, ComputeComplianceSnapshot compute, GetDepartmentTree tree, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "department")]
    public int? DepartmentId { get; set; }

    /// <summary>"As of" day as typed (YYYY-MM-DD); empty means today.</summary>
    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    public string? AsOfError { get; private set; }
    public DateOnly Today { get; private set; }
    public ComplianceSnapshot Snapshot { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Label)> Departments { get; private set; } = [];

    public bool IsPast => Snapshot.AsOf < Today;

    protected async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var asOf = Today;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            if (!DateOnly.TryParseExact(AsOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            {
                AsOfError = "Enter the date as YYYY-MM-DD, for example 2026-03-31";
                asOf = Today;
            }
            else if (asOf > Today)
            {
                AsOfError = "The date must be today or in the past";
                asOf = Today;
            }
        }

        var scope = await current.GetScopeAsync(ct);
        Departments = DepartmentNodes.Flatten(await tree.RunAsync(scope, ct)).Select(d => (d.Node.Id, d.Label)).ToList();

        try
        {
            Snapshot = await compute.RunAsync(scope, DepartmentId, asOf, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public string Link(string path, object? extra = null)
    {
        var query = new List<string>();
        if (DepartmentId is int d) query.Add("department=" + d);
        if (!string.IsNullOrWhiteSpace(AsOfText) && AsOfError is null) query.Add("asOf=" + Uri.EscapeDataString(AsOfText.Trim()));
        if (extra is string more) query.Add(more);
        return path + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public static string D(DateOnly? d) => d?.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";

    public static string TagClass(string rag) => rag switch
    {
        "green" => "nhsuk-tag--green",
        "amber" => "nhsuk-tag--yellow",
        "grey" => "nhsuk-tag--grey",
        _ => "nhsuk-tag--red",
    };
}
