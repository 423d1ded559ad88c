using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

/// <summary>What a person enters to create or change a rule. Codes, not ids, so the API is readable.</summary>
public sealed record RuleInput(
    string Name,
    string CompetencyCode,
    string? StaffGroupCode = null,
    string? JobRole = null,
    string? DepartmentCode = null,
    bool? Clinical = null,
    bool? PatientContact = null,
    bool? WorksWithChildren = null,
    bool? RegisteredClinician = null,
    int GraceDays = RequirementRule.DefaultGraceDays,
    bool IsActive = true,
    bool RequiresObservation = false);

/// <summary>Field-level validation errors (field name → message), for forms and problem details.</summary>
public sealed record SaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creates or updates a requirement rule after checking every field against the organisation's data.</summary>
public sealed class SaveRequirementRule(AppDbContext db, TimeProvider time)
{
    public async Task<SaveResult> RunAsync(int organisationId, int? ruleId, RuleInput input, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Enter a name for the rule";
        }
        else if (input.Name.Length > 200)
        {
            errors[nameof(input.Name)] = "Name must be 200 characters or fewer";
        }

        var competency = await db.Competencies
            .FirstOrDefaultAsync(c => c.Code == (input.CompetencyCode ?? "").Trim(), cancellationToken);
        if (competency is null)
        {
            errors[nameof(input.CompetencyCode)] = "Choose a competency from the catalogue";
        }

        if (input.RequiresObservation && competency is not null
            && competency.ObservedCounterpart(await db.Competencies.AsNoTracking().Where(c => c.SubjectId == competency.SubjectId).ToListAsync(cancellationToken)) is null)
        {
            errors[nameof(input.RequiresObservation)] = "Observed practice can only be required for a competency with an observed-practice checklist (basic or immediate life support, patient moving and handling)";
        }

        string? groupCode = null;
        if (!string.IsNullOrWhiteSpace(input.StaffGroupCode))
        {
            var wanted = input.StaffGroupCode.Trim();
            groupCode = await db.StaffGroups.Where(g => g.Code == wanted.ToUpper()).Select(g => g.Code).FirstOrDefaultAsync(cancellationToken);
            if (groupCode is null)
            {
                errors[nameof(input.StaffGroupCode)] = "Choose a staff group from the list, or leave it empty for any";
            }
        }

        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.DepartmentCode))
        {
            var code = input.DepartmentCode.Trim();
            departmentId = await db.Departments.Where(d => d.OrganisationId == organisationId && d.Code == code)
                .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (departmentId is null)
            {
                errors[nameof(input.DepartmentCode)] = "Choose a department of this organisation, or leave it empty for any";
            }
        }

        if (input.GraceDays is < 0 or > 365)
        {
            errors[nameof(input.GraceDays)] = "Grace period must be between 0 and 365 days";
        }

        if (input.JobRole is { Length: > 120 })
        {
            errors[nameof(input.JobRole)] = "Job role must be 120 characters or fewer";
        }

        RequirementRule? rule = null;
        if (ruleId is int id)
        {
            rule = await db.RequirementRules.FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == organisationId, cancellationToken);
            if (rule is null)
            {
                errors["Id"] = "Rule not found";
            }
        }

        if (errors.Count > 0)
        {
            return new SaveResult(ruleId, errors);
        }

        if (rule is null)
        {
            rule = new RequirementRule { OrganisationId = organisationId, Name = "" };
            db.RequirementRules.Add(rule);
        }

        rule.Name = input.Name.Trim();
        rule.CompetencyId = competency!.Id;
        rule.StaffGroupCode = groupCode;
        rule.JobRole = string.IsNullOrWhiteSpace(input.JobRole) ? null : input.JobRole.Trim();
        rule.DepartmentId = departmentId;
        rule.Clinical = input.Clinical;
        rule.PatientContact = input.PatientContact;
        rule.WorksWithChildren = input.WorksWithChildren;
        rule.RegisteredClinician = input.RegisteredClinician;
        rule.GraceDays = input.GraceDays;
        rule.IsActive = input.IsActive;
        rule.RequiresObservation = input.RequiresObservation;
        rule.UpdatedAt = time.GetUtcNow().UtcDateTime;
        rule.UpdatedBy = actor;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(rule.Id, new Dictionary<string, string>());
    }
}
