using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Finding a version for an author: in the caller's organisation only, and (for edits) only while it is a draft.</summary>
internal static class AuthoringVersions
{
    public static IQueryable<ModuleVersion> Of(AppDbContext db, AccessScope scope, int moduleId, int number) =>
        db.ModuleVersions.Where(v => v.ModuleId == moduleId && v.Number == number && v.OrganisationId == scope.OrganisationId);

    /// <summary>The draft to change, tracked, or the refusal: not an author (forbidden), not found, or not a draft.</summary>
    public static async Task<(ModuleVersion? Draft, AuthoringResult? Refusal)> DraftAsync(
        AppDbContext db, AccessScope scope, int moduleId, int number, Func<IQueryable<ModuleVersion>, IQueryable<ModuleVersion>>? include, CancellationToken ct)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return (null, AuthoringResult.Forbidden());
        }

        var query = Of(db, scope, moduleId, number);
        var version = await (include is null ? query : include(query)).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return (null, AuthoringResult.NotFound);
        }

        return version.IsEditable
            ? (version, null)
            : (null, AuthoringResult.Conflict(
                $"Version {number} is {Describe(version.Status)}, so it cannot be changed. Only a draft can be edited; start a new version to make changes."));
    }

    public static string Describe(ModuleStatus status) => status switch
    {
        ModuleStatus.Draft => "a draft",
        ModuleStatus.InReview => "in review",
        ModuleStatus.Published => "published",
        _ => "retired",
    };
}
