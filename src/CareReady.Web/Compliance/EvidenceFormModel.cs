using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Compliance;

/// <summary>Shared by the evidence forms: the person, the competencies to choose from, errors, dates.</summary>
public abstract class EvidenceFormModel(CurrentUser current, GetPersonProfile profiles, AppDbContext db) : PageModel
{
    [BindProperty] public string CompetencyCode { get; set; } = "";

    public PersonProfile Person { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<(string Code, string Label)> Competencies { get; private set; } = [];
    public CurrentUser Current => current;

    /// <summary>Loads the person (404 when outside the caller's scope) and the competency choices.</summary>
    protected async Task<bool> LoadAsync(int id, bool requiredOnly, CancellationToken ct)
    {
        var person = await profiles.RunAsync(await current.GetScopeAsync(ct), id, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        var required = person.Requirements.Select(r => (r.CompetencyCode, r.SubjectName + " — " + r.CompetencyName)).ToList();
        Competencies = requiredOnly
            ? required
            : (await db.Competencies.AsNoTracking().Include(c => c.Subject).ToListAsync(ct))
                .OrderBy(c => c.Subject!.Name, StringComparer.Ordinal).ThenBy(c => c.Level)
                .Select(c => (c.Code, c.Subject!.Name + " — " + c.Name)).ToList();
        return true;
    }

    protected DateOnly? Date(string? text, string field, string missing)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors[field] = missing;
        return null;
    }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    public string Group(string field) => Err(field) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";
}
