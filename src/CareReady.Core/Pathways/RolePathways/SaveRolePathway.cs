using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.RolePathways;

/// <summary>A pathway as an educator writes it: steps are competency codes in order ("AIDHT-D1.1-2"), each with an optional note.</summary>
public sealed record RolePathwayInput(string? Name, string? Description, IReadOnlyList<RolePathwayStepInput>? Steps, bool OpenToLearners = true, bool Active = true);

public sealed record RolePathwayStepInput(string? CompetencyCode, string? Note = null);

/// <summary>Saved (with its id), not found, or refused with a message per field ("steps[2].competencyCode").</summary>
public sealed record SaveRolePathwayResult(int? Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Succeeded => Id is not null && Errors.Count == 0;
}

/// <summary>Creates a role pathway or replaces one's details and steps (educators; checked whole, nothing saved on any error).</summary>
public sealed class SaveRolePathway(AppDbContext db, TimeProvider time)
{
    public const int MaxSteps = 30;

    public async Task<SaveRolePathwayResult> RunAsync(int organisationId, int? id, RolePathwayInput input, string actor, CancellationToken ct = default)
    {
        RolePathway? pathway = null;
        if (id is int existing)
        {
            pathway = await db.RolePathways.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == existing && p.OrganisationId == organisationId, ct);
            if (pathway is null)
            {
                return new SaveRolePathwayResult(null, new Dictionary<string, string>(), NotFound: true);
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        if (name.Length is 0 or > 120)
        {
            errors["name"] = name.Length == 0 ? "Enter a name for the pathway" : "The name must be 120 characters or fewer";
        }
        else if (await db.RolePathways.AnyAsync(p => p.OrganisationId == organisationId && p.Name == name && p.Id != (id ?? 0), ct))
        {
            errors["name"] = $"There is already a pathway called “{name}”";
        }

        if (description.Length is 0 or > 2000)
        {
            errors["description"] = description.Length == 0 ? "Describe who the pathway is for and what it builds" : "The description must be 2,000 characters or fewer";
        }

        var steps = (input.Steps ?? []).Where(s => !string.IsNullOrWhiteSpace(s.CompetencyCode) || !string.IsNullOrWhiteSpace(s.Note)).ToList();
        var competencies = await db.Competencies.AsNoTracking()
            .Where(c => c.Subject!.OrganisationId == null || c.Subject.OrganisationId == organisationId)
            .ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var resolved = new List<(int CompetencyId, string? Note)>();
        if (steps.Count == 0)
        {
            errors["steps"] = "Add at least one step (a competency code)";
        }
        else if (steps.Count > MaxSteps)
        {
            errors["steps"] = $"A pathway has at most {MaxSteps} steps";
        }

        for (var i = 0; i < steps.Count && i < MaxSteps; i++)
        {
            var code = steps[i].CompetencyCode?.Trim() ?? "";
            var note = string.IsNullOrWhiteSpace(steps[i].Note) ? null : steps[i].Note!.Trim();
            if (!competencies.TryGetValue(code, out var competencyId))
            {
                errors[$"steps[{i + 1}].competencyCode"] = code.Length == 0
                    ? $"Step {i + 1}: choose a competency"
                    : $"Step {i + 1}: there is no competency with the code “{code}” (see the Competencies page)";
            }
            else if (resolved.Any(r => r.CompetencyId == competencyId))
            {
                errors[$"steps[{i + 1}].competencyCode"] = $"Step {i + 1}: “{code}” is already a step of this pathway";
            }
            else if (note is { Length: > 500 })
            {
                errors[$"steps[{i + 1}].note"] = $"Step {i + 1}: the note must be 500 characters or fewer";
            }
            else
            {
                resolved.Add((competencyId, note));
            }
        }

        if (errors.Count > 0)
        {
            return new SaveRolePathwayResult(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (pathway is null)
        {
            pathway = new RolePathway { OrganisationId = organisationId, Name = name, Description = description, CreatedBy = actor, CreatedAt = now };
            db.RolePathways.Add(pathway);
        }
        else
        {
            db.RolePathwaySteps.RemoveRange(pathway.Steps);
            await db.SaveChangesAsync(ct);
            pathway.Steps.Clear();
        }

        (pathway.Name, pathway.Description, pathway.OpenToLearners, pathway.Active, pathway.UpdatedAt) = (name, description, input.OpenToLearners, input.Active, now);
        pathway.Steps.AddRange(resolved.Select((r, i) => new RolePathwayStep { Position = i + 1, CompetencyId = r.CompetencyId, Note = r.Note }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SaveRolePathwayResult(pathway.Id, errors);
    }
}
