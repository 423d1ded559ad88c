using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record VersionNumberStatus(int Number, ModuleStatus Status);

/// <summary>A version as its authors work on it: all its content, what it confers, the module's other versions and what the caller may do.</summary>
public sealed record AuthoringVersion(
    string Code, ModuleVersion Version, IReadOnlyList<ConferredCompetency> Confers, IReadOnlyList<VersionNumberStatus> Versions,
    IReadOnlyDictionary<string, string> Problems, bool CanApprove, bool IsOwnSubmission)
{
    public bool CanStartNewVersion => !Versions.Any(v => v.Status is ModuleStatus.Draft or ModuleStatus.InReview);
}

public sealed class GetAuthoringVersion(AppDbContext db)
{
    /// <returns>Null when the caller is not an author or the version is not in their organisation.</returns>
    public async Task<AuthoringVersion?> RunAsync(AccessScope scope, int moduleId, int number, string actor, CancellationToken ct = default)
    {
        if (!ModuleAccess.CanAuthor(scope))
        {
            return null;
        }

        var version = await AuthoringVersions.Of(db, scope, moduleId, number).AsNoTracking().AsSplitQuery()
            .Include(v => v.Module).Include(v => v.Lessons).Include(v => v.Outcomes).Include(v => v.Questions)
            .Include(v => v.Confers).Include(v => v.Media).Include(v => v.Guidelines)
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var ids = version.Confers.Select(c => c.CompetencyId).ToList();
        var confers = await db.Competencies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new ConferredCompetency(c.Id, c.Code, c.Subject!.Name, c.Name, c.Subject.FrameworkCode))
            .ToListAsync(ct);
        var versions = await db.ModuleVersions.AsNoTracking().Where(v => v.ModuleId == moduleId)
            .OrderBy(v => v.Number).Select(v => new VersionNumberStatus(v.Number, v.Status)).ToListAsync(ct);
        return new AuthoringVersion(version.Module!.Code, version, [.. confers.OrderBy(c => c.Code, StringComparer.Ordinal)], versions,
            version.IsEditable ? SubmitForReview.Problems(version, await db.ScormPackages.AnyAsync(p => p.ModuleVersionId == version.Id, ct)) : new Dictionary<string, string>(),
            ModuleAccess.CanApprove(scope), string.Equals(version.SubmittedBy, actor, StringComparison.OrdinalIgnoreCase));
    }
}
