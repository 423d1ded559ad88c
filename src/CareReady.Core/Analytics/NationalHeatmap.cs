using System.Collections.Concurrent;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Core.Analytics;

/// <summary>One organisation's row of the national heatmap: its people counted today and compliance per subject.</summary>
public sealed record NationalRow(int Id, string Code, string Name, int People, IReadOnlyDictionary<int, ComplianceFigure> BySubject);

/// <summary>Compliance per framework subject (columns) and organisation (rows) today, with the deployment's total.</summary>
public sealed record NationalHeatmapView(DateOnly Today, IReadOnlyList<DashboardSubject> Subjects, IReadOnlyList<NationalRow> Organisations, NationalRow Total);

/// <summary>
/// The national heatmap for a <see cref="Roles.NationalAnalyst"/>: every organisation of the deployment, each from
/// its own compliance engine held by <see cref="ComplianceHistory"/> (the same figures as that organisation's
/// dashboard), loaded side by side — one database context each — when they are not held yet. Only framework
/// subjects (not an organisation's local ones) are columns; organisations with nobody employed are left out.
/// </summary>
public sealed class NationalHeatmap(AppDbContext db, ComplianceHistory history, IServiceScopeFactory scopes, TimeProvider time)
{
    /// <exception cref="UnauthorizedAccessException">The user is not a national analyst.</exception>
    public async Task<NationalHeatmapView> BuildAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsInRole(Roles.NationalAnalyst))
        {
            throw new UnauthorizedAccessException("The national heatmap is for national analysts.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(cancellationToken);
        var summaries = new ConcurrentDictionary<int, UnitSummary>();
        await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (o, ct) =>
        {
            await using var own = scopes.CreateAsyncScope();
            var units = await history.AsOfAsync(own.ServiceProvider.GetRequiredService<AppDbContext>(), o.Id, today, ct);
            summaries[o.Id] = units.Single(u => u.Kind == EngineUnitKind.Organisation);
        });

        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null)
                .OrderBy(s => s.FrameworkCode).ThenBy(s => s.Name).ToListAsync(cancellationToken))
            .Select(s => new DashboardSubject(s.Id, s.Code, s.Name, Requirements.SubjectTarget.DefaultPercent, PatientSafetyWeights.For(s.Code)))
            .ToList();
        var columns = subjects.Select(s => s.Id).ToHashSet();
        var rows = organisations.Where(o => summaries[o.Id].People > 0)
            .Select(o => new NationalRow(o.Id, o.Code, o.Name, summaries[o.Id].People, Figures(summaries[o.Id].Subjects.Where(s => columns.Contains(s.SubjectId)))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var total = new NationalRow(0, "", "All organisations", rows.Sum(r => r.People),
            Figures(rows.SelectMany(r => r.BySubject.Select(x => new SubjectTotal(x.Key, x.Value.Required, x.Value.Compliant)))));
        var shown = subjects.Where(s => total.BySubject.ContainsKey(s.Id)).ToList();
        return new NationalHeatmapView(today, shown, rows, total);
    }

    private static Dictionary<int, ComplianceFigure> Figures(IEnumerable<SubjectTotal> totals) =>
        totals.GroupBy(t => t.SubjectId).ToDictionary(g => g.Key, g => new ComplianceFigure(g.Sum(t => t.Required), g.Sum(t => t.Compliant)));
}
