using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.RolePathways;

public sealed record RolePathwayStepView(int Position, int CompetencyId, string CompetencyCode, string Title, string? Note);

public sealed record RolePathwayView(
    int Id, string Name, string Description, bool OpenToLearners, bool Active, IReadOnlyList<RolePathwayStepView> Steps, int ActiveAssignments);

/// <summary>The organisation's role and development pathways, with their steps and how many active assignments each has.</summary>
public sealed class ListRolePathways(AppDbContext db)
{
    public async Task<IReadOnlyList<RolePathwayView>> RunAsync(int organisationId, bool activeOnly = false, CancellationToken ct = default)
    {
        var pathways = await db.RolePathways.AsNoTracking().Include(p => p.Steps)
            .Where(p => p.OrganisationId == organisationId && (!activeOnly || p.Active))
            .ToListAsync(ct);
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToDictionaryAsync(c => c.Id, ct);
        var counts = await db.PathwayAssignments.Where(a => a.OrganisationId == organisationId && a.EndedAt == null)
            .GroupBy(a => a.RolePathwayId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return pathways.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new RolePathwayView(
                p.Id, p.Name, p.Description, p.OpenToLearners, p.Active,
                p.Steps.OrderBy(s => s.Position).Select(s => competencies[s.CompetencyId] is var c
                    ? new RolePathwayStepView(s.Position, c.Id, c.Code, c.Subject!.Name == c.Name ? c.Name : $"{c.Subject.Name} — {c.Name}", s.Note)
                    : null!).ToList(),
                counts.GetValueOrDefault(p.Id)))
            .ToList();
    }

    public async Task<RolePathwayView?> FindAsync(int organisationId, int id, CancellationToken ct = default) =>
        (await RunAsync(organisationId, false, ct)).FirstOrDefault(p => p.Id == id);
}
