using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Analytics;

/// <summary>The impact view: a measure and a training subject over time, association and before/after comparison with intervals, in plain words.</summary>
[Authorize(Policy = Policies.AnalyticsReaders)]
public sealed class ImpactModel(CurrentUser current, AnalyseImpact analyse, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public IReadOnlyList<(string Code, string Name)> Measures { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Subjects { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];
    public ImpactReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = AnalyticsScope.For(await current.GetScopeAsync(ct));
        Measures = (await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == scope.OrganisationId).OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync(ct))
            .Select(m => (m.Code, m.Name)).ToList();
        Subjects = (await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId).OrderBy(s => s.FrameworkCode).ThenBy(s => s.Name)
            .Select(s => new { s.Code, s.Name }).ToListAsync(ct)).Select(s => (s.Code, s.Name)).ToList();
        Units = (await scope.DepartmentsAsync(db, null, ct)).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (d.Code, d.Name)).ToList();
        Measure ??= Measures.Count > 0 ? Measures[0].Code : null;
        Subject ??= (await db.TrainingPushes.AsNoTracking().Where(p => p.OrganisationId == scope.OrganisationId)
            .Join(db.Subjects, p => p.SubjectId, s => s.Id, (p, s) => s.Code).FirstOrDefaultAsync(ct)) ?? (Subjects.Count > 0 ? Subjects[0].Code : null);
        if (Measure is null || Subject is null)
        {
            return Page();
        }

        try
        {
            Report = await analyse.RunAsync(scope, Measure, Subject, string.IsNullOrWhiteSpace(Unit) ? null : Unit, ct);
        }
        catch (KeyNotFoundException e)
        {
            Problem = e.Message;
        }

        return Page();
    }

    public string CsvLink => $"/api/v1/analytics/impact.csv?measure={Uri.EscapeDataString(Measure ?? "")}&subject={Uri.EscapeDataString(Subject ?? "")}"
        + (string.IsNullOrWhiteSpace(Unit) ? "" : "&unit=" + Uri.EscapeDataString(Unit));
}
