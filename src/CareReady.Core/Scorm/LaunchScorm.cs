using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

/// <summary>
/// A part of the package as the learner's attempt stands: its status (as the SCO last reported it), whether it has
/// counted, and what the package's sequencing says of it now: optional (a rule skips it, or it does not count toward the
/// package's completion), locked (disabled by a rule), and whether the learner may open it from the list (<see cref="ScormNavigator.WhyNotChoose"/>).
/// </summary>
public sealed record ScormPart(int Position, string Identifier, string Title, bool IsAsset, string? Status, bool Counted, bool Optional = false, bool Locked = false, bool Choosable = true)
{
    /// <summary>Every part of a package with where an attempt's progress rows (and the package's sequencing) put it.</summary>
    public static List<ScormPart> Of(IEnumerable<ScormSco> scos, IReadOnlyCollection<ScormScoProgress> progress, ScormNavigator navigator) =>
        [.. scos.Select(s =>
        {
            var row = progress.FirstOrDefault(p => p.Position == s.Position);
            var access = navigator.Access(s.Position);
            return new ScormPart(s.Position, s.Identifier, s.Title, s.IsAsset, row?.CompletionStatus, row?.CountedAt is not null,
                !navigator.Needed(s.Position), access.Disabled, navigator.WhyNotChoose(s.Position) is null);
        })];
}

/// <summary>What the launch page needs: the package, the part to play, the learner's attempt and the CMI values to start the runtime with.</summary>
/// <param name="LaunchPath">The part's launch file (with its parameters).</param>
/// <param name="Position">The part played (1 for a one-part package).</param>
/// <param name="Parts">Every part, with where the attempt stands.</param>
/// <param name="Next">Where Next part leads (<see cref="ScormNavigator.Continue"/>), if anywhere — in a flow package also a
/// part still locked, since finishing this one may open it (the launch then decides).</param>
/// <param name="Previous">Where Previous part leads (flow packages that allow going back), if anywhere.</param>
public sealed record ScormLaunch(
    int PackageId, int ModuleId, string Title, ScormEdition Edition, string LaunchPath, long AttemptId, bool Resumed,
    IReadOnlyDictionary<string, string> Initial, int Position, IReadOnlyList<ScormPart> Parts, int? Next = null, int? Previous = null)
{
    public ScormPart Part => Parts[Position - 1];

    public ScormPart? NextPart => Next is int n ? Parts[n - 1] : null;

    public ScormPart? PreviousPart => Previous is int n ? Parts[n - 1] : null;
}

/// <summary>How the learner asked to move: open a part (or where the attempt stands), or Next / Previous from the part they are on.</summary>
public enum ScormNavigation
{
    Open,
    Continue,
    Previous,
}

/// <summary>A launch, or why the package's sequencing does not let the learner open what they asked (for the learner to read).</summary>
public sealed record ScormLaunchOutcome(int ModuleId, ScormLaunch? Launch, ScormRefusal? Refusal = null, string? Why = null);

/// <summary>
/// Starts or resumes the signed-in learner's attempt at a published module version's SCORM package, at one of its
/// parts: the one asked for (if the package's sequencing lets the learner pick it, or it is where Next or Previous
/// leads), the one Next or Previous leads to, or by default where the attempt stands (<see cref="ScormNavigator.Start"/>).
/// The latest attempt resumes (each part's location, suspend data and status are supplied again) until it has
/// completed; after that a launch starts a fresh attempt, so a renewal can be taken. An asset is marked seen when
/// launched. The part opened becomes the attempt's current part. Null when the package is not in the learner's
/// organisation, its version is not published, the part does not exist, or the user has no staff record.
/// </summary>
public sealed class LaunchScorm(AppDbContext db, TimeProvider time, GetElearningPreferences preferences)
{
    public async Task<ScormLaunchOutcome?> RunAsync(AccessScope scope, int packageId, int? position = null, ScormNavigation navigation = ScormNavigation.Open, CancellationToken ct = default)
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
        var progress = resumed ? await db.ScormScoProgress.Where(p => p.AttemptId == attempt!.Id).ToListAsync(ct) : [];
        var current = resumed ? attempt!.CurrentPosition : null;
        var navigator = new ScormNavigator(scos, progress, current);
        // Next or Previous after the attempt has completed (the SCO that finished it asked to go on) moves nowhere: the package is done.
        var (target, refusal) = navigation != ScormNavigation.Open && !resumed
            ? (null, navigation == ScormNavigation.Continue ? ScormRefusal.End : ScormRefusal.NoFlow)
            : Target(navigator, current, position, navigation);
        if (refusal is { } refused)
        {
            var title = target is int t ? scos[t - 1].Title : "";
            return new ScormLaunchOutcome(found.ModuleId, null, refused, Why(refused, title, navigation));
        }

        if (!resumed)
        {
            attempt = new ScormAttempt
            {
                OrganisationId = scope.OrganisationId, ScormPackageId = packageId, StaffMemberId = person, Registration = Guid.NewGuid(),
                StartedAt = now, UpdatedAt = now,
            };
            db.ScormAttempts.Add(attempt);
        }

        var sco = scos[target!.Value - 1];
        attempt!.CurrentPosition = sco.Position;
        var row = progress.FirstOrDefault(r => r.Position == sco.Position);
        row?.StartSession(); // this launch is a new session of the part
        await db.SaveChangesAsync(ct);
        if (row is null && sco.IsAsset)
        {
            // An asset cannot report; opening it is all it asks.
            row = new ScormScoProgress { OrganisationId = scope.OrganisationId, AttemptId = attempt.Id, Position = sco.Position, CompletionStatus = "completed", UpdatedAt = now, CountedAt = now };
            db.ScormScoProgress.Add(row);
            progress.Add(row);
            await db.SaveChangesAsync(ct);
        }

        var package = found.Package;
        var cmi = new CmiData(package.Edition, JsonSerializer.Deserialize<Dictionary<string, string>>(row?.CmiJson ?? "{}") ?? []);
        // SCORM names the learner "Last, First".
        var initial = cmi.ResumeValues(staff.EmployeeNumber, $"{staff.LastName}, {staff.FirstName}", await preferences.RunAsync(scope.OrganisationId, person, ct),
            row?.EarlierSessions ?? TimeSpan.Zero);
        navigator = new ScormNavigator(scos, progress, sco.Position);
        return new ScormLaunchOutcome(found.ModuleId, new ScormLaunch(package.Id, found.ModuleId, package.Title, package.Edition, sco.LaunchPath, attempt.Id, resumed, initial,
            sco.Position, ScormPart.Of(scos, progress, navigator), navigator.Continue(sco.Position, evenIfLocked: true), navigator.Previous(sco.Position)));
    }

    /// <summary>The part to open, or why not (with the part asked for, when there is one, to name it).</summary>
    private static (int? Target, ScormRefusal? Refusal) Target(ScormNavigator navigator, int? current, int? position, ScormNavigation navigation)
    {
        if (navigation != ScormNavigation.Open)
        {
            var from = current ?? 0;
            var to = navigation == ScormNavigation.Continue ? navigator.Continue(from) : from == 0 ? null : navigator.Previous(from);
            if (to is null && navigation == ScormNavigation.Continue && navigator.Continue(from, evenIfLocked: true) is null)
            {
                return (null, ScormRefusal.End);
            }

            return to is null ? (null, ScormRefusal.NoFlow) : (to, null);
        }

        if (position is not int asked)
        {
            var start = navigator.Start();
            return navigator.Access(start).Disabled ? (start, ScormRefusal.Disabled) : (start, null);
        }

        if (navigator.Access(asked).Disabled)
        {
            return (asked, ScormRefusal.Disabled);
        }

        // The part the learner is on, and the parts Next and Previous lead to, open whatever choice allows.
        if (asked == current || current is int on && (asked == navigator.Continue(on) || asked == navigator.Previous(on)))
        {
            return (asked, null);
        }

        return navigator.WhyNotChoose(asked) is { } why ? (asked, why) : (asked, null);
    }

    private static string Why(ScormRefusal refusal, string title, ScormNavigation navigation) => refusal switch
    {
        ScormRefusal.Disabled => $"“{title}” is not open to you yet: the package opens it once you have done what it asks first.",
        ScormRefusal.NotChoosable => $"“{title}” opens in order: the package takes you there with Next part.",
        ScormRefusal.Backward => $"This package goes forward only: you cannot go back to “{title}”.",
        ScormRefusal.End => "That was the last part of the package: the module page shows where you stand.",
        _ => navigation == ScormNavigation.Previous
            ? "There is no previous part to go back to from here."
            : "There is no next part open to you from here: finish this part, or go back to the module to see where you stand.",
    };
}
