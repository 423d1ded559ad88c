using CareReady.Core.Data;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Pathways;

/// <summary>Create or change a pathway (educators): name, description, and steps as competency codes, one per line ("CODE | note").</summary>
public sealed class EditModel(CurrentUser current, ListRolePathways list, SaveRolePathway save, AppDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Steps { get; set; }
    [BindProperty] public bool OpenToLearners { get; set; } = true;
    [BindProperty] public bool Active { get; set; } = true;

    public int? PathwayId { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<(string Code, string Title)> Catalogue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!AssignPathway.CanDefine(scope))
        {
            return Forbid();
        }

        PathwayId = id;
        if (id is int existing)
        {
            if (await list.FindAsync(scope.OrganisationId, existing, ct) is not { } p)
            {
                return NotFound();
            }

            (Name, Description, OpenToLearners, Active) = (p.Name, p.Description, p.OpenToLearners, p.Active);
            Steps = string.Join('\n', p.Steps.Select(s => s.Note is null ? s.CompetencyCode : $"{s.CompetencyCode} | {s.Note}"));
        }

        await LoadCatalogueAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!AssignPathway.CanDefine(scope))
        {
            return Forbid();
        }

        PathwayId = id;
        var steps = (Steps ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new RolePathwayStepInput(parts[0], parts.Length > 1 ? parts[1] : null))
            .ToList();
        var result = await save.RunAsync(scope.OrganisationId, id, new RolePathwayInput(Name, Description, steps, OpenToLearners, Active), await current.GetActorAsync(), ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect("/pathways/manage?saved=" + Uri.EscapeDataString(Name!.Trim()));
        }

        foreach (var (key, message) in result.Errors)
        {
            Errors.TryAdd(key.StartsWith("steps", StringComparison.Ordinal) ? "steps" : key, message);
        }

        await LoadCatalogueAsync(ct);
        return Page();
    }

    private async Task LoadCatalogueAsync(CancellationToken ct) =>
        Catalogue = (await db.Competencies.AsNoTracking().Include(c => c.Subject).Where(c => c.Subject!.OrganisationId == null).ToListAsync(ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.Code, c.Subject!.Name == c.Name ? c.Name : $"{c.Subject.Name} — {c.Name}"))
            .ToList();
}
