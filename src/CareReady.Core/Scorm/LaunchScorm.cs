using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <summary>What the launch page needs: the package, the learner's attempt and the CMI values to start the runtime with.</summary>
public sealed record ScormLaunch(
    int PackageId, int ModuleId, string Title, ScormEdition Edition, string LaunchPath, long AttemptId, bool Resumed,
    IReadOnlyDictionary<string, string> Initial);

/// <summary>
/// Starts or resumes the signed-in learner's attempt at a published module version's SCORM package. The
/// latest attempt resumes (its location, suspend data and status are supplied again) until it has
/// completed; after that a launch starts a fresh attempt, so a renewal can be taken. Null when the package
/// is not in the learner's organisation, its version is not published, or the user has no staff record.
/// </summary>
public sealed class LaunchScorm(AppDbContext db, TimeProvider time, GetElearningPreferences preferences)
{
    public async Task<ScormLaunch?> RunAsync(AccessScope scope, int packageId, CancellationToken ct = default)
    {
        if (scope.OwnStaffMemberId is not int person)
        {
            return null;
        }

        var found = await db.ScormPackages.AsNoTracking()
            .Where(p => p.Id == packageId && p.OrganisationId == scope.OrganisationId)
            .Join(db.ModuleVersions, p => p.ModuleVersionId, v => v.Id, (p, v) => new { Package = p, v.ModuleId, v.Status })
            .FirstOrDefaultAsync(ct);
        if (found is null || found.Status != ModuleStatus.Published)
        {
            return null;
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == person && s.OrganisationId == scope.OrganisationId)
            .Select(s => new { s.EmployeeNumber, s.FirstName, s.LastName }).FirstAsync(ct);
        var attempt = await db.ScormAttempts.Where(a => a.ScormPackageId == packageId && a.StaffMemberId == person)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var resumed = attempt is not null && attempt.CompletedAt is null;
        if (!resumed)
        {
            var now = time.GetUtcNow().UtcDateTime;
            attempt = new ScormAttempt
            {
                OrganisationId = scope.OrganisationId, ScormPackageId = packageId, StaffMemberId = person, Registration = Guid.NewGuid(),
                StartedAt = now, UpdatedAt = now,
            };
            db.ScormAttempts.Add(attempt);
            await db.SaveChangesAsync(ct);
        }

        var package = found.Package;
        var cmi = new CmiData(package.Edition, JsonSerializer.Deserialize<Dictionary<string, string>>(attempt!.CmiJson) ?? []);
        // SCORM names the learner "Last, First".
        var initial = cmi.ResumeValues(staff.EmployeeNumber, $"{staff.LastName}, {staff.FirstName}", await preferences.RunAsync(scope.OrganisationId, person, ct));
        return new ScormLaunch(package.Id, found.ModuleId, package.Title, package.Edition, package.LaunchPath, attempt.Id, resumed, initial);
    }
}
