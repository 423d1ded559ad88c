using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>The filters of GET statements, already parsed and checked.</summary>
public sealed record StatementQuery(
    string? AgentKey = null,
    string? VerbId = null,
    string? ActivityId = null,
    Guid? Registration = null,
    bool RelatedActivities = false,
    bool RelatedAgents = false,
    DateTime? Since = null,
    DateTime? Until = null,
    int Limit = 0,
    bool Ascending = false,
    long? After = null);

/// <summary>A page of statements (as stored JSON) and, when more match, the Seq to continue after.</summary>
public sealed record StatementPage(IReadOnlyList<string> Statements, long? ContinueAfter);

/// <summary>
/// GET statements with filters. Every filter reads an index in stored order and stops after a page:
/// agent / activity filters drive from <see cref="XapiStatementRef"/> (organisation, kind, key, seq);
/// registration and verb from their (organisation, x, seq) indexes, merged with the statements that match
/// through a StatementRef (<see cref="StatementRefTargets"/>); since/until are turned into a Seq
/// range first (Stored never decreases with Seq). Voided statements are left out. Paging is a keyset on
/// Seq (<see cref="StatementQuery.After"/>), so pages never skip or repeat while statements arrive.
/// </summary>
public sealed class QueryStatements(AppDbContext db)
{
    public const int MaxLimit = 500;

    public async Task<StatementPage> RunAsync(int organisationId, StatementQuery q, CancellationToken ct = default)
    {
        var limit = q.Limit <= 0 || q.Limit > MaxLimit ? MaxLimit : q.Limit;
        long low = 0, high = long.MaxValue; // exclusive bounds
        if (q.Since is { } since)
        {
            var first = await db.XapiStatements.Where(s => s.Stored > since).OrderBy(s => s.Stored).ThenBy(s => s.Seq)
                .Select(s => (long?)s.Seq).FirstOrDefaultAsync(ct);
            if (first is null)
            {
                return new StatementPage([], null);
            }

            low = first.Value - 1;
        }

        if (q.Until is { } until)
        {
            var last = await db.XapiStatements.Where(s => s.Stored <= until).OrderByDescending(s => s.Stored).ThenByDescending(s => s.Seq)
                .Select(s => (long?)s.Seq).FirstOrDefaultAsync(ct);
            if (last is null)
            {
                return new StatementPage([], null);
            }

            high = last.Value + 1;
        }

        if (q.After is { } after)
        {
            if (q.Ascending)
            {
                low = Math.Max(low, after);
            }
            else
            {
                high = Math.Min(high, after);
            }
        }

        List<Row> rows;
        if (q.AgentKey is not null)
        {
            rows = await DriveAsync(organisationId, q, q.RelatedAgents ? [XapiRefKind.Agent, XapiRefKind.RelatedAgent] : [XapiRefKind.Agent], q.AgentKey, low, high, limit, null, ct);
        }
        else if (q.ActivityId is not null)
        {
            rows = await DriveAsync(organisationId, q, q.RelatedActivities ? [XapiRefKind.Activity, XapiRefKind.RelatedActivity] : [XapiRefKind.Activity], q.ActivityId, low, high, limit, null, ct);
        }
        else if (q.Registration is { } registration)
        {
            // Statements of the registration by its index, merged with those that target one (StatementRefTargets).
            var direct = Between(db.XapiStatements.Where(s => s.OrganisationId == organisationId && s.Registration == registration), low, high);
            rows = await DriveAsync(organisationId, q, [XapiRefKind.Registration], registration.ToString("D"), low, high, limit, direct, ct);
        }
        else if (q.VerbId is { } verb)
        {
            var direct = Between(db.XapiStatements.Where(s => s.OrganisationId == organisationId && s.VerbId == verb), low, high);
            rows = await DriveAsync(organisationId, q, [XapiRefKind.Verb], verb, low, high, limit, direct, ct);
        }
        else
        {
            var statements = Filter(db.XapiStatements.Where(s => s.OrganisationId == organisationId && s.Seq > low && s.Seq < high), organisationId, q, activity: true);
            statements = q.Ascending ? statements.OrderBy(s => s.Seq) : statements.OrderByDescending(s => s.Seq);
            rows = await statements.Take(limit + 1).Select(s => new Row(s.Seq, s.Json)).ToListAsync(ct);
        }

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new StatementPage(rows.Select(r => r.Json).ToList(), more ? rows[^1].Seq : null);
    }

    private async Task<List<Row>> DriveAsync(int org, StatementQuery q, XapiRefKind[] kinds, string key, long low, long high, int limit, IQueryable<XapiStatement>? direct, CancellationToken ct)
    {
        var merged = new List<Row>();
        // The rows found by the driving key match it already: only the other filters are applied (SQLite plans the
        // query badly when the driving filter is repeated as an OR with its StatementRef alternative).
        var driving = kinds[0];
        if (direct is not null)
        {
            direct = Filter(direct, org, q, activity: true, driving);
            direct = q.Ascending ? direct.OrderBy(s => s.Seq) : direct.OrderByDescending(s => s.Seq);
            merged.AddRange(await direct.Take(limit + 1).Select(s => new Row(s.Seq, s.Json)).ToListAsync(ct));
        }

        var hashed = XapiRefKey.Of(key);
        foreach (var kind in kinds)
        {
            var refs = db.XapiStatementRefs.Where(r => r.OrganisationId == org && r.Kind == kind && r.Key == hashed && r.Seq > low && r.Seq < high);
            var statements = Filter(db.XapiStatements, org, q, activity: q.AgentKey is not null, driving);
            // Ordered by the index row's Seq (the same number), so the database walks the index range in order and stops after a page.
            var joined = refs.Join(statements, r => new { r.OrganisationId, r.Seq }, s => new { s.OrganisationId, s.Seq }, (r, s) => new { r.Seq, s.Json });
            joined = q.Ascending ? joined.OrderBy(x => x.Seq) : joined.OrderByDescending(x => x.Seq);
            merged.AddRange((await joined.Take(limit + 1).ToListAsync(ct)).Select(x => new Row(x.Seq, x.Json)));
        }

        merged = merged.DistinctBy(r => r.Seq).ToList();
        return (q.Ascending ? merged.OrderBy(r => r.Seq) : merged.OrderByDescending(r => r.Seq)).Take(limit + 1).ToList();
    }

    /// <param name="driving">The kind of key the rows were found by (its filter is not repeated).</param>
    private IQueryable<XapiStatement> Filter(IQueryable<XapiStatement> statements, int org, StatementQuery q, bool activity, XapiRefKind? driving = null)
    {
        statements = statements.Where(s => !s.Voided);
        // A statement that targets another by StatementRef (no activity object) also matches by its target's verb or registration.
        if (q.VerbId is { } verb && driving != XapiRefKind.Verb)
        {
            var verbKey = XapiRefKey.Of(verb);
            statements = statements.Where(s => s.VerbId == verb
                || (s.ActivityId == null && db.XapiStatementRefs.Any(r => r.OrganisationId == org && r.Kind == XapiRefKind.Verb && r.Key == verbKey && r.Seq == s.Seq)));
        }

        if (q.Registration is { } registration && driving != XapiRefKind.Registration)
        {
            var registrationKey = XapiRefKey.Of(registration.ToString("D"));
            statements = statements.Where(s => s.Registration == registration
                || (s.ActivityId == null && db.XapiStatementRefs.Any(r => r.OrganisationId == org && r.Kind == XapiRefKind.Registration && r.Key == registrationKey && r.Seq == s.Seq)));
        }

        if (activity && q.ActivityId is { } activityId)
        {
            var kinds = q.RelatedActivities ? new[] { XapiRefKind.Activity, XapiRefKind.RelatedActivity } : [XapiRefKind.Activity];
            var activityKey = XapiRefKey.Of(activityId);
            statements = statements.Where(s => db.XapiStatementRefs.Any(r => r.OrganisationId == org && kinds.Contains(r.Kind) && r.Key == activityKey && r.Seq == s.Seq));
        }

        return statements;
    }

    /// <summary>
    /// Statements strictly between two Seq bounds; an open bound adds no condition, so an equality index such as
    /// (organisation, registration, seq) is the plain choice (SQLite otherwise may walk (organisation, seq) instead).
    /// </summary>
    private static IQueryable<XapiStatement> Between(IQueryable<XapiStatement> statements, long low, long high)
    {
        if (low > 0)
        {
            statements = statements.Where(s => s.Seq > low);
        }

        return high < long.MaxValue ? statements.Where(s => s.Seq < high) : statements;
    }

    private sealed record Row(long Seq, string Json);

    /// <summary>One statement by id (not voided), or a voided one by id when <paramref name="voided"/>.</summary>
    public async Task<string?> ByIdAsync(int organisationId, Guid id, bool voided, CancellationToken ct = default) =>
        await db.XapiStatements.Where(s => s.OrganisationId == organisationId && s.StatementId == id && s.Voided == voided)
            .Select(s => s.Json).FirstOrDefaultAsync(ct);
}
