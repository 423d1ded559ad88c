using System.Globalization;
using CareReady.Core.Reports;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Reports;

/// <summary>
/// The inspection evidence pack: choose a unit (a department you may see, or everything) and a day,
/// see the summary per subject, and download the full pack as CSV, Excel or PDF.
/// </summary>
[Authorize(Policy = Policies.PeopleReaders)]
public sealed class EvidencePackModel(CurrentUser current, GetDepartmentTree tree, BuildTrainingMatrix build, TimeProvider time) : PageModel
{
    /// <summary>Department code; empty for the whole organisation (or, for a manager, all their departments).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf-day")]
    public string? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf-month")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf-year")]
    public string? Year { get; set; }

    public DateOnly AsOf { get; private set; }
    public DateOnly Today { get; private set; }
    public bool OrganisationWide { get; private set; }
    public IReadOnlyList<(string Code, string Label)> Units { get; private set; } = [];
    public TrainingMatrix? Matrix { get; private set; }

    /// <summary>Field id → message, in page order (for the error summary).</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Which of day, month and year to mark as wrong (all of them when the date as a whole is).</summary>
    public HashSet<string> DateParts { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ReportEndpoints.Today(time);
        var scope = await current.GetScopeAsync(ct);
        OrganisationWide = scope.OrganisationWide;
        var units = new List<(string, string)>();
        units.AddRange(DepartmentNodes.Flatten(await tree.RunAsync(scope, ct)).Select(d => (d.Node.Code, d.Label)));
        Units = units;

        AsOf = ParseDate() ?? Today;
        if (!string.IsNullOrWhiteSpace(Unit) && !Units.Any(u => string.Equals(u.Code, Unit.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors["unit"] = "Choose a unit from the list";
        }

        if (Errors.Count == 0)
        {
            Matrix = await build.RunAsync(scope, Unit, AsOf, ct);
            if (Matrix is null)
            {
                Errors["unit"] = "Choose a unit from the list";
            }
        }
    }

    /// <summary>NHS.UK date input rules: all three parts, numbers, a real date, not in the future. Empty means today.</summary>
    private DateOnly? ParseDate()
    {
        var parts = new[] { ("day", Day), ("month", Month), ("year", Year) };
        if (parts.All(p => string.IsNullOrWhiteSpace(p.Item2)))
        {
            return null;
        }

        var missing = parts.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            DateParts.UnionWith(missing);
            Errors["asOf"] = $"Date must include a {string.Join(" and a ", missing)}";
            return null;
        }

        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            | !int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            | !int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            DateParts.UnionWith(["day", "month", "year"]);
            Errors["asOf"] = "Date must be a real date, for example 31 3 2026";
            return null;
        }

        var date = new DateOnly(y, m, d);
        if (date > Today)
        {
            DateParts.UnionWith(["day", "month", "year"]);
            Errors["asOf"] = "Date must be today or in the past";
            return null;
        }

        return date;
    }

    public string DownloadLink(MatrixFormat format) =>
        $"/api/v1/reports/matrix?unit={Uri.EscapeDataString(Matrix?.UnitCode ?? "")}&asOf={AsOf:yyyy-MM-dd}&format={MatrixFormats.Extension(format)}";

    public string FieldValue(string part, string? value) => value ?? (Errors.ContainsKey("asOf") ? "" : part switch
    {
        "day" => AsOf.Day.ToString(CultureInfo.InvariantCulture),
        "month" => AsOf.Month.ToString(CultureInfo.InvariantCulture),
        _ => AsOf.Year.ToString(CultureInfo.InvariantCulture),
    });

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
