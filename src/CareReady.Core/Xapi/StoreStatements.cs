using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Stores one statement (PUT / POST) or a batch (POST): all or nothing. Validates every statement
/// first, then — under the statement write lock, so stored order equals commit order — rejects the
/// request with 409 if an id exists with different content, skips statements already stored
/// identically, assigns stored order and time, writes statements and index rows, applies voiding,
/// and records completions for mapped activities (<see cref="RecordXapiCompletions"/>), in one transaction.
/// </summary>
public sealed class StoreStatements(AppDbContext db, TimeProvider time, StatementWriteLock writeLock, RecordXapiCompletions completions, AttachmentStore attachmentStore)
{
    public Task<IReadOnlyList<Guid>> RunAsync(LrsCaller caller, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, CancellationToken ct = default) =>
        RunAsync(caller, statements, batch, version, putId, attachments: null, ct);

    /// <param name="attachments">The raw attachment parts of a multipart/mixed request (see <see cref="AttachmentStore"/>).</param>
    public async Task<IReadOnlyList<Guid>> RunAsync(LrsCaller caller, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, IReadOnlyList<AttachmentPart>? attachments, CancellationToken ct = default)
    {
        if (statements.Count == 0)
        {
            throw XapiException.BadRequest("statements: the batch is empty; send at least one statement");
        }

        var prepared = new List<Prepared>(statements.Count);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < statements.Count; i++)
        {
            var path = batch ? $"statements[{i}]" : "statement";
            StatementValidator.Validate(statements[i], path, version);
            var statement = (JsonObject)statements[i]!;
            Guid id;
            if (statement["id"] is JsonValue idValue)
            {
                id = Guid.Parse(idValue.GetValue<string>());
                if (putId is { } expected && expected != id)
                {
                    throw XapiException.BadRequest($"statement.id: the statement's id {id} differs from the statementId parameter {expected}");
                }
            }
            else
            {
                id = putId ?? Guid.NewGuid();
            }

            if (!ids.Add(id))
            {
                throw XapiException.BadRequest($"{path}.id: {id} appears more than once in this batch");
            }

            statement["id"] = id.ToString("D");
            var verb = statement["verb"]!["id"]!.GetValue<string>();
            Guid? voids = verb == StatementValidator.VoidedVerb ? Guid.Parse(statement["object"]!["id"]!.GetValue<string>()) : null;
            prepared.Add(new Prepared(path, id, statement, voids));
        }

        await writeLock.EnterAsync(ct);
        try
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await StatementWriteLock.LockDatabaseAsync(db, ct);
            var existing = await db.XapiStatements.AsNoTracking()
                .Where(s => s.OrganisationId == caller.OrganisationId && ids.Contains(s.StatementId))
                .Select(s => new { s.StatementId, s.Json })
                .ToDictionaryAsync(s => s.StatementId, s => s.Json, ct);
            var fresh = new List<Prepared>();
            foreach (var p in prepared)
            {
                if (!existing.TryGetValue(p.Id, out var storedJson))
                {
                    fresh.Add(p);
                }
                else if (!StatementComparer.SameContent(p.Statement, JsonNode.Parse(storedJson)!.AsObject()))
                {
                    throw new XapiException(409, $"{p.Path}.id: a different statement with id {p.Id} is already stored; statement ids cannot be reused");
                }
            }

            await attachmentStore.SaveAsync(caller.OrganisationId, prepared.ConvertAll(p => p.Statement), attachments, batch, ct);
            await VoidingAsync(caller.OrganisationId, fresh, ct);
            if (fresh.Count > 0)
            {
                await InsertAsync(caller, fresh, version, ct);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            writeLock.Exit();
        }

        return prepared.Select(p => p.Id).ToList();
    }

    private async Task VoidingAsync(int organisationId, List<Prepared> fresh, CancellationToken ct)
    {
        var targets = fresh.Where(p => p.Voids is not null).Select(p => p.Voids!.Value).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var inBatch = fresh.Where(p => p.Voids is not null).Select(p => p.Id).ToHashSet();
        var voidingTargets = await db.XapiStatements.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && targets.Contains(s.StatementId) && s.VoidsStatementId != null)
            .Select(s => s.StatementId).ToListAsync(ct);
        foreach (var p in fresh.Where(p => p.Voids is { } target && (voidingTargets.Contains(target) || inBatch.Contains(target))))
        {
            throw XapiException.BadRequest($"{p.Path}.object.id: statement {p.Voids} is itself a voiding statement, and a voiding statement cannot be voided");
        }
    }

    private async Task InsertAsync(LrsCaller caller, List<Prepared> fresh, XapiVersion version, CancellationToken ct)
    {
        var last = await db.XapiStatements.AsNoTracking().OrderByDescending(s => s.Seq)
            .Select(s => new { s.Seq, s.Stored }).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = last is not null && last.Stored > now ? last.Stored : now;
        var storedText = stored.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var seq = last?.Seq ?? 0;
        var authority = caller.Authority();

        // A statement stored after the statement that voids it arrives voided.
        var freshIds = fresh.Select(p => p.Id).ToList();
        var alreadyVoided = (await db.XapiStatements.AsNoTracking()
            .Where(s => s.OrganisationId == caller.OrganisationId && s.VoidsStatementId != null && freshIds.Contains(s.VoidsStatementId.Value))
            .Select(s => s.VoidsStatementId!.Value).ToListAsync(ct)).ToHashSet();
        var voidedInBatch = fresh.Where(p => p.Voids is not null).Select(p => p.Voids!.Value).ToHashSet();

        var rows = new List<XapiStatement>(fresh.Count);
        var refs = new List<XapiStatementRef>(fresh.Count * 5);
        foreach (var p in fresh)
        {
            seq++;
            var s = p.Statement;
            s["timestamp"] ??= storedText;
            s["stored"] = storedText;
            s["authority"] = authority.DeepClone();
            s["version"] ??= version == XapiVersion.V200 ? "2.0.0" : "1.0.0";
            var timestamp = StatementValidator.Timestamp(s["timestamp"]!, p.Path + ".timestamp").UtcDateTime;
            var obj = s["object"]!.AsObject();
            rows.Add(new XapiStatement
            {
                OrganisationId = caller.OrganisationId,
                Seq = seq,
                StatementId = p.Id,
                ClientId = caller.ClientId,
                ActorKey = AgentKeys.Of(s["actor"]),
                VerbId = s["verb"]!["id"]!.GetValue<string>(),
                ActivityId = StatementRefs.TypeOf(obj) == "Activity" ? obj["id"]!.GetValue<string>() : null,
                Registration = s["context"]?["registration"] is JsonValue r ? Guid.Parse(r.GetValue<string>()) : null,
                Timestamp = timestamp,
                Stored = stored,
                Voided = p.Voids is null && (alreadyVoided.Contains(p.Id) || voidedInBatch.Contains(p.Id)),
                VoidsStatementId = p.Voids,
                Json = s.ToJsonString(),
            });
            foreach (var (kind, key) in StatementRefs.Of(s))
            {
                refs.Add(new XapiStatementRef { OrganisationId = caller.OrganisationId, Kind = kind, Key = key, Seq = seq });
            }
        }

        await StatementRefTargets.AddInheritedAsync(db, caller.OrganisationId, rows, fresh.ConvertAll(p => p.Statement), refs, ct);
        var npgsql = db.Database.IsNpgsql();
        await BulkInsert.InsertAsync(db, rows, npgsql ? 512 : 64, ct);
        await BulkInsert.InsertAsync(db, refs, npgsql ? 512 : 64, ct);
        var targets = fresh.Where(p => p.Voids is not null).Select(p => p.Voids!.Value).ToList();
        if (targets.Count > 0)
        {
            await db.XapiStatements
                .Where(s => s.OrganisationId == caller.OrganisationId && targets.Contains(s.StatementId) && s.VoidsStatementId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Voided, true), ct);
            await WithdrawXapiCompletions.RunAsync(db, caller.OrganisationId, targets, ct);
        }

        await completions.RunAsync(caller, rows.Where(r => r.VoidsStatementId is null && !r.Voided && r.ActivityId is not null).ToList(), fresh.ToDictionary(p => p.Id, p => p.Statement), ct);
    }

    private sealed record Prepared(string Path, Guid Id, JsonObject Statement, Guid? Voids);
}

/// <summary>When a statement id arrives again: the same statement (ignoring what the LRS sets) is no conflict.</summary>
public static class StatementComparer
{
    private static readonly string[] LrsSet = ["stored", "authority", "version"];

    public static bool SameContent(JsonObject incoming, JsonObject stored)
    {
        var a = (JsonObject)incoming.DeepClone();
        var b = (JsonObject)stored.DeepClone();
        foreach (var key in LrsSet)
        {
            a.Remove(key);
            b.Remove(key);
        }

        if (!a.ContainsKey("timestamp"))
        {
            b.Remove("timestamp");
        }
        else if (b["timestamp"] is { } bt && a["timestamp"] is { } at
            && DateTimeOffset.TryParse(at.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ta)
            && DateTimeOffset.TryParse(bt.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var tb)
            && ta == tb)
        {
            a.Remove("timestamp");
            b.Remove("timestamp");
        }

        return JsonNode.DeepEquals(a, b);
    }
}
