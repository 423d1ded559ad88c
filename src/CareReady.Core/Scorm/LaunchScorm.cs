using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <summary>A part of the package as the learner's attempt stands: its status (as the SCO last reported it) and whether it has counted.</summary>
public sealed record ScormPart(int Position, string Title, bool IsAsset, string? Status, bool Counted)
{
    /// <summary>Every part of a package with where an attempt's progress rows put it.</summary>
    public static List<ScormPart> Of(IEnumerable<ScormSco> scos, IReadOnlyCollection<ScormScoProgress> progress) =>
        [.. scos.Select(s =>
        {
            var row = progress.FirstOrDefault(p => p.Position == s.Position);
            return new ScormPart(s.Position, s.Title, s.IsAsset, row?.CompletionStatus, row?.CountedAt is not null);
        })];
}

/// <summary>What the launch page needs: the package, the part to play, the learner's attempt and the CMI values to start the runtime with.</summary>
/// <param name="LaunchPath">The part's launch file (with its parameters).</param>
/// <param name="Position">The part played (1 for a one-part package).</param>
/// <param name="Parts">Every part, with where the attempt stands.</param>
public sealed record ScormLaunch(
    int PackageId, int ModuleId, string Title, ScormEdition Edition, string LaunchPath, long AttemptId, bool Resumed,
    IReadOnlyDictionary<string, string> Initial, int Position, IReadOnlyList<ScormPart> Parts)
{
    public ScormPart Part => Parts[Position - 1];

    /// <summary>The next part after this one not done yet (an unopened asset included), if any.</summary>
    public ScormPart? NextPart => Parts.Skip(Position).FirstOrDefault(p => !p.Counted);
}

/// <summary>
/// Starts or resumes the signed-in learner's attempt at a published module version's SCORM package, at one of its
/// parts (by default the first SCO that has not counted yet). The latest attempt resumes (each part's location,
/// suspend data and status are supplied again) until it has completed; after that a launch starts a fresh attempt,
/// so a renewal can be taken. An asset is marked seen when launched. Null when the package is not in the learner's
/// organisation, its version is not published, the part does not exist, or the user has no staff record.
/// </summary>
public sealed class LaunchScorm(AppDbContext db, TimeProvider time, GetElearningPreferences preferences)
{
    public async Task<ScormLaunch?> RunAsync(AccessScope scope, int packageId, int? position = null, CancellationToken ct = default)
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

        var scos = await db.ScormScos.AsNoTracking().Where(s => s.ScormPackageId == packageId).OrderBy(s => s.Position).ToListAsync(ct);
        if (position is int asked && (asked < 1 || asked > scos.Count))
        {
            return null;
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == person && s.OrganisationId == scope.OrganisationId)
            .Select(s => new { s.EmployeeNumber, s.FirstName, s.LastName }).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = await db.ScormAttempts.Where(a => a.ScormPackageId == packageId && a.StaffMemberId == person)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var resumed = attempt is not null && attempt.CompletedAt is null;
        if (!resumed)
        {
            attempt = new ScormAttempt
            {
                OrganisationId = scope.OrganisationId, ScormPackageId = packageId, StaffMemberId = person, Registration = Guid.NewGuid(),
                StartedAt = now, UpdatedAt = now,
            };
            db.ScormAttempts.Add(attempt);
            await db.SaveChangesAsync(ct);
        }

        var progress = await db.ScormScoProgress.Where(p => p.AttemptId == attempt!.Id).ToListAsync(ct);
        var sco = position is int p ? scos[p - 1] : scos.FirstOrDefault(s => !s.IsAsset && progress.All(r => r.Position != s.Position || r.CountedAt is null)) ?? scos[0];
        var row = progress.FirstOrDefault(r => r.Position == sco.Position);
        if (row is null && sco.IsAsset)
        {
            // An asset cannot report; opening it is all it asks.
            row = new ScormScoProgress { OrganisationId = scope.OrganisationId, AttemptId = attempt!.Id, Position = sco.Position, CompletionStatus = "completed", UpdatedAt = now, CountedAt = now };
            db.ScormScoProgress.Add(row);
            progress.Add(row);
            await db.SaveChangesAsync(ct);
        }

        var package = found.Package;
        var cmi = new CmiData(package.Edition, JsonSerializer.Deserialize<Dictionary<string, string>>(row?.CmiJson ?? "{}") ?? []);
        // SCORM names the learner "Last, First".
        var initial = cmi.ResumeValues(staff.EmployeeNumber, $"{staff.LastName}, {staff.FirstName}", await preferences.RunAsync(scope.OrganisationId, person, ct));
        var parts = ScormPart.Of(scos, progress);
        return new ScormLaunch(package.Id, found.ModuleId, package.Title, package.Edition, sco.LaunchPath, attempt!.Id, resumed, initial, sco.Position, parts);
    }
}
