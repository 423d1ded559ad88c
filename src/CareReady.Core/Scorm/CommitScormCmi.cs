using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Scorm;

public enum ScormCommitOutcome
{
    NotFound,
    Saved,

    /// <summary>Refused: the package's sequencing keeps the part locked and the learner does not have it open.</summary>
    Locked,

    /// <summary>Saved, and this commit completed the module: completions and the statement were written.</summary>
    Completed,
}

/// <param name="SiteUrl">This site's address ("https://careready.example/"): the home page of the learner's xAPI account and of the activity id.</param>
/// <param name="Actor">Who commits (the learner's account email): the completions' RecordedBy, as for a module pass.</param>
/// <param name="Position">The part (SCO) whose runtime commits: 1 for a one-part package.</param>
public sealed record ScormCommitInput(long AttemptId, IReadOnlyDictionary<string, string> Values, string SiteUrl, string Actor, int Position = 1);

/// <summary>
/// Persists what a SCO's runtime committed for the signed-in learner's attempt, replacing that part's
/// previous commit (the runtime sends the whole CMI). A part counts the first time its CMI says so
/// (<see cref="CmiData.Counts"/>); the commit after which every SCO of the package has counted
/// (<see cref="ScormRollup"/>) records, in the same transaction and exactly once per attempt, a
/// <see cref="Completion"/> of every competency the module version confers — as passing a module's
/// assessment does (source Module, naming the version, caps of regulatory changes) — and an xAPI
/// statement in the organisation's LRS (through <see cref="StoreStatements"/>), whose actor is the
/// learner's account (employee number on this site) and whose result.duration is the attempt's total time (the
/// session_time each session of each part reported last, added up). A failed status records nothing.
/// </summary>
public sealed class CommitScormCmi(AppDbContext db, TimeProvider time, StoreStatements statements)
{
    public const string ActivityType = "http://adlnet.gov/expapi/activities/course";
    public const string ScormProfile = "https://w3id.org/xapi/scorm";

    public async Task<ScormCommitOutcome> RunAsync(AccessScope scope, ScormCommitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (scope.OwnStaffMemberId is not int person)
        {
            return ScormCommitOutcome.NotFound;
        }

        var attempt = await db.ScormAttempts.FirstOrDefaultAsync(a => a.Id == input.AttemptId && a.StaffMemberId == person && a.OrganisationId == scope.OrganisationId, ct);
        if (attempt is null)
        {
            return ScormCommitOutcome.NotFound;
        }

        var package = await db.ScormPackages.AsNoTracking().FirstAsync(p => p.Id == attempt.ScormPackageId, ct);
        var scos = await db.ScormScos.AsNoTracking().Where(s => s.ScormPackageId == package.Id).OrderBy(s => s.Position).ToListAsync(ct);
        if (scos.FirstOrDefault(s => s.Position == input.Position) is not { IsAsset: false })
        {
            return ScormCommitOutcome.NotFound; // no such part, or an asset (which has no runtime)
        }

        var cmi = new CmiData(package.Edition, input.Values);
        var now = time.GetUtcNow().UtcDateTime;
        var progress = await db.ScormScoProgress.Where(p => p.AttemptId == attempt.Id).ToListAsync(ct);
        if (input.Position != attempt.CurrentPosition && new ScormNavigator(scos, progress, attempt.CurrentPosition).Access(input.Position).Disabled)
        {
            return ScormCommitOutcome.Locked;
        }

        var row = progress.FirstOrDefault(p => p.Position == input.Position);
        if (row is null)
        {
            row = new ScormScoProgress { OrganisationId = attempt.OrganisationId, AttemptId = attempt.Id, Position = input.Position };
            db.ScormScoProgress.Add(row);
            progress.Add(row);
        }

        row.CmiJson = JsonSerializer.Serialize(input.Values);
        row.CompletionStatus = Truncate(cmi.CompletionStatus);
        row.SuccessStatus = Truncate(cmi.SuccessStatus);
        row.ScoreScaled = cmi.ScoreScaled;
        row.LatestSession = cmi.SessionTime ?? row.LatestSession;
        row.Commits++;
        row.UpdatedAt = now;
        if (cmi.Counts)
        {
            row.CountedAt ??= now;
        }

        var rollup = ScormRollup.Of(scos, progress, new ScormNavigator(scos, progress, attempt.CurrentPosition));
        attempt.CompletionStatus = Truncate(rollup.CompletionStatus);
        attempt.SuccessStatus = Truncate(rollup.SuccessStatus);
        attempt.ScoreScaled = rollup.ScoreScaled;
        attempt.Commits++;
        attempt.UpdatedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var completes = rollup.Done && attempt.CompletedAt is null
            && await db.ScormAttempts.Where(a => a.Id == attempt.Id && a.CompletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.CompletedAt, now), ct) == 1;
        if (completes)
        {
            attempt.CompletedAt = now;
            db.Entry(attempt).Property(a => a.CompletedAt).IsModified = false;
            await RecordAsync(attempt, package, rollup, input, progress.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.TotalTime), now, ct);
        }

        await transaction.CommitAsync(ct);
        return completes ? ScormCommitOutcome.Completed : ScormCommitOutcome.Saved;
    }

    /// <param name="duration">The learner's time in the package's parts in this attempt (the statement's result.duration).</param>
    private async Task RecordAsync(ScormAttempt attempt, ScormPackage package, ScormRollupResult rollup, ScormCommitInput input, TimeSpan duration, DateTime now, CancellationToken ct)
    {
        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Confers)
            .FirstAsync(v => v.Id == package.ModuleVersionId, ct);
        var completions = ModuleCompletions.For(version, attempt.OrganisationId, attempt.StaffMemberId, now, $"SCORM attempt {attempt.Id} ({rollup.CompletionStatus})", input.Actor);
        db.Completions.AddRange(completions);
        var score = rollup.ScoreScaled is { } s ? (int?)Math.Floor(100m * Math.Clamp(s, 0m, 1m)) : null;
        await IssueCertificate.AddAsync(db, new CertificateFor(attempt.OrganisationId, attempt.StaffMemberId, CertificateRoute.ScormPackage, attempt.Id, score),
            version, DateOnly.FromDateTime(now), now, ct);
        await db.SaveChangesAsync(ct);
        await Regulation.StaleContentCaps.AddAsync(db, version.Id, completions, now, ct);
        await db.SaveChangesAsync(ct);

        var employeeNumber = await db.Staff.AsNoTracking().Where(s => s.Id == attempt.StaffMemberId).Select(s => s.EmployeeNumber).FirstAsync(ct);
        var site = input.SiteUrl.TrimEnd('/');
        var statementId = Guid.NewGuid();
        var result = new JsonObject { ["completion"] = true, ["duration"] = CmiTime.Format(ScormEdition.Scorm2004, duration) };
        if (rollup.SuccessStatus is "passed" or "failed")
        {
            result["success"] = rollup.Passed;
        }

        if (rollup.ScoreScaled is { } scaled)
        {
            result["score"] = new JsonObject { ["scaled"] = Math.Round(scaled, 4) };
        }

        var verb = rollup.Passed ? RecordXapiCompletions.PassedVerb : RecordXapiCompletions.CompletedVerb;
        var statement = new JsonObject
        {
            ["id"] = statementId.ToString("D"),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject { ["homePage"] = site + "/", ["name"] = employeeNumber },
            },
            ["verb"] = new JsonObject
            {
                ["id"] = verb,
                ["display"] = new JsonObject { ["en-GB"] = rollup.Passed ? "passed" : "completed" },
            },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = ActivityId(site, package.Id),
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["en-GB"] = package.Title },
                    ["type"] = ActivityType,
                },
            },
            ["result"] = result,
            ["context"] = new JsonObject
            {
                ["registration"] = attempt.Registration.ToString("D"),
                ["platform"] = "CareReady",
                ["contextActivities"] = new JsonObject
                {
                    ["category"] = new JsonArray(new JsonObject { ["id"] = ScormProfile }),
                },
            },
            ["timestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        var caller = new LrsCaller(0, attempt.OrganisationId, "CareReady SCORM player", "careready-scorm", false, true, site + "/xapi/");
        // Sent as an LRS client's request would arrive: parsed JSON (the validator reads JSON-backed values).
        await statements.RunAsync(caller, [JsonNode.Parse(statement.ToJsonString())], batch: false, XapiVersion.V103, putId: null, ct);
        attempt.StatementId = statementId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The xAPI activity id of a package: stable for the package, on this site.</summary>
    public static string ActivityId(string siteUrl, int packageId) => $"{siteUrl.TrimEnd('/')}/scorm/packages/{packageId}";

    private static string? Truncate(string? value) => value is { Length: > 32 } ? value[..32] : value;
}
