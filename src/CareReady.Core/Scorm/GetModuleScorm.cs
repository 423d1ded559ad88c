using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <summary>A module version's SCORM package as its module page shows it, with the signed-in learner's latest attempt.</summary>
/// <param name="CertificateId">The certificate of the learner's latest completion of the package (null before one).</param>
/// <param name="Parts">The package's parts and where the learner's latest attempt stands in each.</param>
public sealed record ModuleScorm(int PackageId, ScormEdition Edition, string SchemaVersion, bool Started, string? Status, DateTime? CompletedAt,
    long? CertificateId, IReadOnlyList<ScormPart> Parts);

public sealed class GetModuleScorm(AppDbContext db)
{
    /// <returns>Null when the version has no SCORM package (a lessons-and-assessment module).</returns>
    public async Task<ModuleScorm?> RunAsync(AccessScope scope, int moduleVersionId, CancellationToken ct = default)
    {
        var package = await db.ScormPackages.AsNoTracking()
            .Where(p => p.ModuleVersionId == moduleVersionId && p.OrganisationId == scope.OrganisationId)
            .Select(p => new { p.Id, p.Edition, p.SchemaVersion }).FirstOrDefaultAsync(ct);
        if (package is null)
        {
            return null;
        }

        var scos = await db.ScormScos.AsNoTracking().Where(s => s.ScormPackageId == package.Id).OrderBy(s => s.Position).ToListAsync(ct);
        if (scope.OwnStaffMemberId is not int person)
        {
            return new ModuleScorm(package.Id, package.Edition, package.SchemaVersion, false, null, null, null, ScormPart.Of(scos, [], new ScormNavigator(scos, [], null)));
        }

        var attempts = db.ScormAttempts.AsNoTracking().Where(a => a.ScormPackageId == package.Id && a.StaffMemberId == person);
        var latest = await attempts.OrderByDescending(a => a.Id).Select(a => new { a.Id, a.CompletionStatus, a.CompletedAt, a.CurrentPosition }).FirstOrDefaultAsync(ct);
        var progress = latest is null ? [] : await db.ScormScoProgress.AsNoTracking().Where(p => p.AttemptId == latest.Id).ToListAsync(ct);
        var completed = await attempts.Where(a => a.CompletedAt != null).MaxAsync(a => a.CompletedAt, ct);
        var certificate = completed is null ? null : await db.IssuedCertificates.AsNoTracking()
            .Where(c => c.StaffMemberId == person && c.ScormAttemptId != null && attempts.Any(a => a.Id == c.ScormAttemptId))
            .OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return new ModuleScorm(package.Id, package.Edition, package.SchemaVersion, latest is not null, latest?.CompletionStatus, completed, certificate,
            ScormPart.Of(scos, progress, latest?.CompletedAt is null
                ? new ScormNavigator(scos, progress, latest?.CurrentPosition)
                : new ScormNavigator(scos, [], null))); // after a completion the next launch starts afresh
    }
}
