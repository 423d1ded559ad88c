using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Competencies;

public sealed record CatalogueCompetencyView(string Code, string Name, int Level, string? Variant, int? RefresherMonths, string? EsrCompetenceName,
    CompetencyKind Kind = CompetencyKind.Knowledge);

public sealed record CatalogueSubjectView(string Code, string Name, IReadOnlyList<CatalogueCompetencyView> Competencies);

public sealed record CatalogueFrameworkView(string Code, string Name, string? Publisher, IReadOnlyList<CatalogueSubjectView> Subjects);

/// <summary>The competency catalogue: frameworks → subjects → levels (national, plus the organisation's own).</summary>
public sealed class ListCatalogue(AppDbContext db)
{
    public async Task<IReadOnlyList<CatalogueFrameworkView>> RunAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        var frameworks = await db.Frameworks.AsNoTracking().ToListAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().Include(s => s.Competencies)
            .Where(s => s.OrganisationId == null || s.OrganisationId == organisationId)
            .ToListAsync(cancellationToken);
        return frameworks.OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => new CatalogueFrameworkView(f.Code, f.Name, f.Publisher,
            subjects.Where(s => s.FrameworkCode == f.Code).OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new CatalogueSubjectView(s.Code, s.Name, s.Competencies.OrderBy(c => c.Level).ThenBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c => new CatalogueCompetencyView(c.Code, c.Name, c.Level, c.Variant, c.DefaultRefresherMonths, c.EsrCompetenceName, c.Kind)).ToList()))
                .ToList())).ToList();
    }
}
