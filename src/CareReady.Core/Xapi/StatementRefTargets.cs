using System.Text.Json.Nodes;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Filter conditions for StatementRefs (xAPI 1.0.3 Communication 2.1.3, 2.0 the same): a statement whose
/// object is a StatementRef meets the agent, activity, verb and registration filters (and their related_*
/// forms) when the statement it targets meets them, recursively. Done at write time: the targeting
/// statement gets index rows for everything its target (and the target's target…) is matched by — the
/// target's agent and activity rows, and its verb and registration as <see cref="XapiRefKind.Verb"/> /
/// <see cref="XapiRefKind.Registration"/> rows — so reads stay one index range. since/until/limit still
/// apply to the targeting statement itself (they read its own Seq). A voided target is itself not
/// returned, but the statements targeting it (the voiding one included) are. A StatementRef that arrives before
/// its target is given the target's rows when the target arrives (<see cref="ReindexReferringAsync"/>), and so
/// are the statements referring to it in turn. (Statements stored before <see cref="XapiStatement.TargetStatementId"/>
/// existed are found only when they void the target.)
/// </summary>
public static class StatementRefTargets
{
    private const int MaxDepth = 10;

    /// <summary>Adds the inherited rows of the targeting statements among <paramref name="rows"/> (aligned with <paramref name="statements"/>) to <paramref name="refs"/>.</summary>
    public static async Task AddInheritedAsync(AppDbContext db, int organisationId, IReadOnlyList<XapiStatement> rows, IReadOnlyList<JsonObject> statements, List<XapiStatementRef> refs, CancellationToken ct)
    {
        var batch = new Dictionary<Guid, JsonObject>();
        for (var i = 0; i < rows.Count; i++)
        {
            batch[rows[i].StatementId] = statements[i];
        }

        var memo = new Dictionary<Guid, HashSet<(XapiRefKind, string)>>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (Target(statements[i]) is not { } target)
            {
                continue;
            }

            var inherited = await KeysAsync(db, organisationId, target, batch, memo, 1, ct);
            if (inherited.Count == 0)
            {
                continue;
            }

            var seq = rows[i].Seq;
            var own = refs.Where(r => r.Seq == seq).Select(r => (r.Kind, r.Key)).ToHashSet();
            var all = Normalise(own.Concat(inherited.Select(k => (k.Item1, XapiRefKey.Of(k.Item2)))));
            refs.RemoveAll(r => r.Seq == seq);
            refs.AddRange(all.Select(k => new XapiStatementRef { OrganisationId = organisationId, Kind = k.Item1, Key = k.Item2, Seq = seq }));
        }
    }

    /// <summary>
    /// Gives stored statements that refer to statements just stored (<paramref name="referring"/>: sent before their
    /// target) the rows they inherit from their target, then does the same for the statements referring to those, up
    /// to the depth a chain is followed at write time. <paramref name="batch"/> holds the statements just stored.
    /// </summary>
    internal static async Task ReindexReferringAsync(AppDbContext db, int organisationId, IReadOnlyList<(long Seq, Guid Id, JsonObject Statement)> referring,
        Dictionary<Guid, JsonObject> batch, CancellationToken ct)
    {
        var memo = new Dictionary<Guid, HashSet<(XapiRefKind, string)>>();
        var done = new HashSet<Guid>(batch.Keys); // the statements just stored were indexed with everything they inherit
        var level = referring;
        for (var depth = 1; level.Count > 0 && depth <= MaxDepth; depth++)
        {
            var next = new List<Guid>();
            foreach (var (seq, id, statement) in level)
            {
                if (!done.Add(id) || Target(statement) is not { } target)
                {
                    continue;
                }

                var keys = Normalise(StatementRefs.Of(statement).Concat(await KeysAsync(db, organisationId, target, batch, memo, 1, ct))
                    .Select(k => (k.Item1, XapiRefKey.Of(k.Item2))));
                await AddRowsAsync(db, organisationId, seq, keys, ct);
                next.Add(id);
            }

            level = next.Count == 0 ? [] : (await db.XapiStatements.AsNoTracking()
                    .Where(s => s.OrganisationId == organisationId
                        && ((s.TargetStatementId != null && next.Contains(s.TargetStatementId.Value)) || (s.VoidsStatementId != null && next.Contains(s.VoidsStatementId.Value))))
                    .Select(s => new { s.Seq, s.StatementId, s.Json })
                    .ToListAsync(ct))
                .Where(s => !done.Contains(s.StatementId))
                .Select(s => (s.Seq, s.StatementId, JsonNode.Parse(s.Json)!.AsObject()))
                .ToList();
        }
    }

    /// <summary>Adds the rows a stored statement lacks, and removes its related rows that a direct one now covers.</summary>
    private static async Task AddRowsAsync(AppDbContext db, int organisationId, long seq, HashSet<(XapiRefKind Kind, Guid Key)> keys, CancellationToken ct)
    {
        foreach (var (kind, key) in keys)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "XapiStatementRefs" ("OrganisationId", "Kind", "Key", "Seq") VALUES ({organisationId}, {(short)kind}, {key}, {seq}) ON CONFLICT DO NOTHING""", ct);
        }

        var agents = keys.Where(k => k.Kind == XapiRefKind.Agent).Select(k => k.Key).ToList();
        var activities = keys.Where(k => k.Kind == XapiRefKind.Activity).Select(k => k.Key).ToList();
        await db.XapiStatementRefs
            .Where(r => r.OrganisationId == organisationId && r.Seq == seq
                && ((r.Kind == XapiRefKind.RelatedAgent && agents.Contains(r.Key)) || (r.Kind == XapiRefKind.RelatedActivity && activities.Contains(r.Key))))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The id a statement targets when its object is a StatementRef (a voiding statement's too).</summary>
    public static Guid? Target(JsonObject statement) =>
        statement["object"] is JsonObject o && o["objectType"]?.GetValue<string>() == "StatementRef" && Guid.TryParse(o["id"]?.GetValue<string>(), out var id) ? id : null;

    /// <summary>Everything the filters match a statement by: its index rows, its verb and registration, and its own target's, recursively.</summary>
    private static async Task<HashSet<(XapiRefKind, string)>> KeysAsync(AppDbContext db, int org, Guid id, Dictionary<Guid, JsonObject> batch, Dictionary<Guid, HashSet<(XapiRefKind, string)>> memo, int depth, CancellationToken ct)
    {
        if (memo.TryGetValue(id, out var known))
        {
            return known;
        }

        var keys = new HashSet<(XapiRefKind, string)>();
        memo[id] = keys; // a cycle (a targets b targets a) stops here
        var statement = batch.GetValueOrDefault(id);
        if (statement is null)
        {
            var json = await db.XapiStatements.AsNoTracking().Where(s => s.OrganisationId == org && s.StatementId == id).Select(s => s.Json).FirstOrDefaultAsync(ct);
            statement = json is null ? null : JsonNode.Parse(json)!.AsObject();
        }

        if (statement is null)
        {
            return keys;
        }

        keys.UnionWith(StatementRefs.Of(statement));
        keys.Add((XapiRefKind.Verb, statement["verb"]!["id"]!.GetValue<string>()));
        if (statement["context"]?["registration"] is JsonValue registration)
        {
            keys.Add((XapiRefKind.Registration, Guid.Parse(registration.GetValue<string>()).ToString("D")));
        }

        if (depth < MaxDepth && Target(statement) is { } next)
        {
            keys.UnionWith(await KeysAsync(db, org, next, batch, memo, depth + 1, ct));
        }

        return keys;
    }

    /// <summary>Related rows only where the direct one is absent (a related query reads both kinds and must not see a statement twice).</summary>
    private static HashSet<(XapiRefKind, Guid)> Normalise(IEnumerable<(XapiRefKind Kind, Guid Key)> keys)
    {
        var set = keys.ToHashSet();
        set.RemoveWhere(k => (k.Item1 == XapiRefKind.RelatedAgent && set.Contains((XapiRefKind.Agent, k.Item2)))
            || (k.Item1 == XapiRefKind.RelatedActivity && set.Contains((XapiRefKind.Activity, k.Item2))));
        return set;
    }
}
