using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record CreateModuleInput(string? Code, string? Title, string? Summary, int? EstimatedMinutes, IReadOnlyList<string>? Competencies);

/// <summary>Creates a module (its code unique in the organisation) and its first version as a draft.</summary>
public sealed class CreateModule(AppDbContext db, TimeProvider time)
{
    public const int MaxCode = 64;

    public async Task<AuthoringResult> RunAsync(AccessScope scope, CreateModuleInput input, string actor, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return AuthoringResult.Forbidden();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors[nameof(input.Code)] = "Enter a code for the module, like FIRE-SAFETY";
        }
        else if (code.Length > MaxCode || !AuthoringRules.CodePattern().IsMatch(code))
        {
            errors[nameof(input.Code)] = $"The code can only contain letters A to Z, numbers and hyphens, up to {MaxCode} characters";
        }
        else if (await db.Modules.AnyAsync(m => m.OrganisationId == scope.OrganisationId && m.Code == code, ct))
        {
            errors[nameof(input.Code)] = $"There is already a module with the code {code}; start a new version of it instead";
        }

        var title = AuthoringRules.Required(errors, nameof(input.Title), input.Title, AuthoringRules.MaxTitle, "Enter a title", "Title");
        var summary = AuthoringRules.Required(errors, nameof(input.Summary), input.Summary, AuthoringRules.MaxSummary, "Enter a summary", "Summary");
        var minutes = AuthoringRules.Range(errors, nameof(input.EstimatedMinutes), input.EstimatedMinutes, 1, 600, "Estimated minutes");
        var competencies = await AuthoringRules.CompetenciesAsync(db, errors, nameof(input.Competencies), input.Competencies, allowNone: true, ct);
        if (errors.Count > 0)
        {
            return AuthoringResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var version = new ModuleVersion
        {
            OrganisationId = scope.OrganisationId,
            Module = new Module { OrganisationId = scope.OrganisationId, Code = code, CreatedAt = now },
            Number = 1,
            Status = ModuleStatus.Draft,
            Title = title!,
            Summary = summary!,
            EstimatedMinutes = minutes!.Value,
            CreatedBy = actor,
            CreatedAt = now,
            Confers = competencies.Select(id => new ModuleConferral { CompetencyId = id }).ToList(),
        };
        db.ModuleVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone created the same code a moment ago (the unique index caught it).
            db.ChangeTracker.Clear();
            return AuthoringResult.Invalid(nameof(input.Code), $"There is already a module with the code {code}; start a new version of it instead");
        }

        return AuthoringResult.Done(version.ModuleId, version.Number);
    }
}
