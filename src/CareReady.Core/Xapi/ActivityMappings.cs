using System.Text.Json.Nodes;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

public sealed record MappingInput(string? ActivityId, string? ModuleCode, string? CompetencyCode);

public sealed record MappingView(int Id, string ActivityId, string? ModuleCode, string? CompetencyCode, string? CompetencyName, string CreatedBy, DateTime CreatedAt);

public sealed record MappingResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Lists, adds and removes the organisation's activity → module / competency mappings.</summary>
public sealed class ActivityMappings(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<MappingView>> ListAsync(int organisationId, CancellationToken ct = default) =>
        await (from m in db.XapiActivityMappings
               where m.OrganisationId == organisationId
               join module in db.Modules on m.ModuleId equals module.Id into modules
               from module in modules.DefaultIfEmpty()
               join competency in db.Competencies on m.CompetencyId equals competency.Id into competencies
               from competency in competencies.DefaultIfEmpty()
               orderby m.ActivityId
               select new MappingView(m.Id, m.ActivityId, module != null ? module.Code : null, competency != null ? competency.Code : null,
                   competency != null ? competency.Name : null, m.CreatedBy, m.CreatedAt))
            .ToListAsync(ct);

    public async Task<MappingResult> AddAsync(int organisationId, MappingInput input, string actor, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var activityId = input.ActivityId?.Trim() ?? "";
        try
        {
            StatementValidator.Activity(new JsonObject { ["id"] = activityId }, "activityId");
        }
        catch (XapiException e)
        {
            errors["ActivityId"] = "Enter the activity's IRI, e.g. https://elearning.example/courses/fire-safety (" + e.Message + ")";
        }

        var moduleCode = string.IsNullOrWhiteSpace(input.ModuleCode) ? null : input.ModuleCode.Trim();
        var competencyCode = string.IsNullOrWhiteSpace(input.CompetencyCode) ? null : input.CompetencyCode.Trim();
        if ((moduleCode is null) == (competencyCode is null))
        {
            errors["ModuleCode"] = "Choose either a module or a competency (one of the two)";
        }

        int? moduleId = null, competencyId = null;
        if (moduleCode is not null)
        {
            moduleId = await db.Modules.Where(m => m.OrganisationId == organisationId && m.Code == moduleCode).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            if (moduleId is null)
            {
                errors["ModuleCode"] = $"There is no module with code {moduleCode}";
            }
        }

        if (competencyCode is not null)
        {
            competencyId = await db.Competencies.Where(c => c.Code == competencyCode).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (competencyId is null)
            {
                errors["CompetencyCode"] = $"There is no competency with code {competencyCode}";
            }
        }

        if (errors.Count == 0 && await db.XapiActivityMappings.AnyAsync(m => m.OrganisationId == organisationId && m.ActivityId == activityId && m.ModuleId == moduleId && m.CompetencyId == competencyId, ct))
        {
            errors["ActivityId"] = "This activity is already mapped to that " + (moduleId is null ? "competency" : "module");
        }

        if (errors.Count > 0)
        {
            return new MappingResult(null, errors);
        }

        var mapping = new XapiActivityMapping
        {
            OrganisationId = organisationId,
            ActivityId = activityId,
            ModuleId = moduleId,
            CompetencyId = competencyId,
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.XapiActivityMappings.Add(mapping);
        await db.SaveChangesAsync(ct);
        return new MappingResult(mapping.Id, errors);
    }

    public async Task<bool> RemoveAsync(int organisationId, int id, CancellationToken ct = default)
    {
        var mapping = await db.XapiActivityMappings.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.Id == id, ct);
        if (mapping is null)
        {
            return false;
        }

        db.XapiActivityMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
