using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation.Authoring;

public sealed record ScenarioVersionSummary(
    string Code, int Number, ModuleStatus Status, string Title, string Summary, string DefinitionHash,
    string CreatedBy, DateTime CreatedAt, string? SubmittedBy, DateTime? SubmittedAt, string? ReviewNote,
    string? PublishedBy, DateTime? PublishedAt, DateTime? RetiredAt);

/// <summary>Every version of the organisation's scenarios (or of one code), newest first, for authors and reviewers.</summary>
public sealed class ListScenarioVersions(AppDbContext db)
{
    /// <summary>Null when the caller may not author scenarios.</summary>
    public async Task<IReadOnlyList<ScenarioVersionSummary>?> RunAsync(AccessScope scope, string? code = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return null;
        }

        var query = db.ScenarioVersions.AsNoTracking().Where(v => v.OrganisationId == scope.OrganisationId);
        if (code is not null)
        {
            query = query.Where(v => v.Scenario!.Code == code);
        }

        var rows = await query.Select(v => new ScenarioVersionSummary(v.Scenario!.Code, v.Number, v.Status, v.Title, v.Summary, v.DefinitionHash,
            v.CreatedBy, v.CreatedAt, v.SubmittedBy, v.SubmittedAt, v.ReviewNote, v.PublishedBy, v.PublishedAt, v.RetiredAt)).ToListAsync(ct);
        return rows.OrderBy(v => v.Code, StringComparer.Ordinal).ThenByDescending(v => v.Number).ToList();
    }
}
