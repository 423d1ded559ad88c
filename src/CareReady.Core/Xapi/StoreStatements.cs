using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Audit;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareReady.Core.Xapi;

/// <summary>
/// Stores one statement (PUT / POST) or a batch (POST): all or nothing per request. Validates every statement
/// first, then — under the statement write lock, so stored order equals commit order — rejects the request
/// with 409 if an id exists with different content, skips statements already stored identically, assigns
/// stored order and time, writes statements and index rows, applies voiding, and records completions for
/// mapped activities (<see cref="RecordXapiCompletions"/>), in one transaction.
/// Called inside a transaction the caller owns, the request is written alone in that transaction; otherwise it is
/// handed to the <see cref="StatementWriter"/>, which writes waiting requests together (group commit, ADR 0022).
/// </summary>
public sealed class StoreStatements(AppDbContext db, TimeProvider time, StatementWriteLock writeLock, StatementWriter writer, AuditContext audit, RecordXapiCompletions completions,
    AttachmentStore attachmentStore, XapiMetrics metrics, StatementWriterConnections writerConnections, ILogger<StoreStatements> logger)
{
    public Task<IReadOnlyList<Guid>> RunAsync(LrsCaller caller, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, CancellationToken ct = default) =>
        RunAsync(caller, statements, batch, version, putId, attachments: null, ct);

    /// <param name="attachments">The raw attachment parts of a multipart/mixed request (see <see cref="AttachmentStore"/>).</param>
    public async Task<IReadOnlyList<Guid>> RunAsync(LrsCaller caller, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, IReadOnlyList<AttachmentPart>? attachments, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (db.Database.CurrentTransaction is null)
        {
            return await writer.SubmitAsync(caller, audit.Actor, statements, batch, version, putId, attachments, ct);
        }

        var write = PendingStatementWrite.Prepare(caller, audit.Actor, statements, batch, version, putId, attachments);
        await writeLock.EnterAsync(ct);
        try
        {
            writeLock.LastWritten = null; // whether this write is kept is the transaction owner's to say
            (await WriteGroupAsync([write], ct)).Accepted.ForEach(w => w.Succeed()); // committed by the transaction's owner
        }
        finally
        {
            writeLock.Exit();
        }

        return await write.Done;
    }

    /// <summary>Validates a request's statements and gives each its id (the statementId of a PUT, or a new one).</summary>
    internal static List<PreparedStatement> Prepare(IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId)
    {
        if (statements.Count == 0)
        {
            throw XapiException.BadRequest("statements: the batch is empty; send at least one statement");
        }

        var prepared = new List<PreparedStatement>(statements.Count);
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
            prepared.Add(new PreparedStatement(path, id, statement, voids));
        }

        return prepared;
    }

    /// <summary>
    /// Starts writing a group (taken by <see cref="StatementWriter"/> under the write lock) in one round trip after
    /// <paramref name="after"/>, when it is a plain group on PostgreSQL (<see cref="PlainGroupWrite.Fits"/>); null
    /// otherwise (and when a statement was not drafted ahead: <see cref="PreparedStatement.Draft"/>). The rows get their
    /// order and stored time now, from the drafts; the statements themselves are left as they came, so should the write not
    /// happen, the checked path takes the group as it would have.
    /// </summary>
    /// <param name="flushLater">Commit without waiting for the disk; the writer answers after <see cref="FlushAsync"/> (ADR 0027).</param>
    /// <param name="behind">The lock of the group in flight before this one (<see cref="PlainWrite.Locked"/>), if any.</param>
    internal PlainWrite? StartPlain(List<PendingStatementWrite> group, LastStatement after, bool flushLater, Task? behind, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || group.Exists(w => w.Statements.Any(p => p.Draft is null)) || !PlainGroupWrite.Fits(group))
        {
            return null;
        }

        var (rows, refs) = DraftPlain(group, after);
        var completed = group.SelectMany(w => w.Statements).Select(p => p.Draft!.Completes).OfType<string>().Distinct().ToList();
        var last = rows[^1];
        var locked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new PlainWrite(group, WriteAsync(), new LastStatement(last.Seq, last.OrganisationId, last.StatementId, last.Stored), flushLater, locked.Task);

        async Task<bool> WriteAsync()
        {
            try
            {
                return await PlainGroupWrite.TryAsync(db, writerConnections, group[0].Caller.OrganisationId, after, rows.ConvertAll(r => r.StatementId), completed, rows, refs, flushLater,
                    behind, locked, ct);
            }
            catch (Exception e)
            {
                // Whatever went wrong, the group's requests must not be left waiting: the checked path tries again, and
                // should the commit have happened, it finds the statements stored and accepts them.
                logger.LogWarning(e, "Writing a group of {Requests} statement requests in one round trip failed; writing it the checked way", group.Count);
                return false;
            }
            finally
            {
                locked.TrySetResult(); // a group sent behind this one must not wait for a lock this one will not take
            }
        }
    }

    /// <summary>Returns once every plain group committed so far is on disk (<see cref="PlainGroupWrite.FlushAsync"/>).</summary>
    internal Task FlushAsync(CancellationToken ct) => PlainGroupWrite.FlushAsync(writerConnections, ct);

    /// <summary>
    /// Writes a group the checked way (<see cref="WriteGroupAsync"/>) in its own transaction. Should the write itself fail (not a refused
    /// request: a database error), nothing of the group is kept and each request is tried again alone, so one cannot sink the others.
    /// </summary>
    internal async Task WriteCheckedAsync(List<PendingStatementWrite> group, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (accepted, written) = await WriteGroupAsync(group, ct);
            await transaction.CommitAsync(ct);
            writeLock.LastWritten = written;
            metrics.GroupStored(XapiMetrics.Checked, group.Sum(w => w.Statements.Count), Stopwatch.GetElapsedTime(started));
            accepted.ForEach(w => w.Succeed());
        }
        catch (Exception) when (group.Count > 1)
        {
            writeLock.LastWritten = null;
            db.ChangeTracker.Clear();
            foreach (var write in group.Where(w => !w.IsDone))
            {
                await WriteCheckedAsync([write], ct);
            }
        }
        catch (Exception e)
        {
            writeLock.LastWritten = null;
            db.ChangeTracker.Clear();
            group[0].Fail(e);
        }
    }

    /// <summary>The activities that statements of the group (not voiding ones) say were passed or completed.</summary>
    private static List<string> CompletedActivities(List<PendingStatementWrite> group) => group.SelectMany(w => w.Statements)
        .Where(s => s.Voids is null && s.Statement["object"] is JsonObject o && StatementRefs.TypeOf(o) == "Activity" && RecordXapiCompletions.Counts(s.Statement))
        .Select(s => s.Statement["object"]!["id"]!.GetValue<string>()).Distinct().ToList();

    /// <summary>
    /// Checks each request of the group against what is stored and what the requests before it bring (a reused id
    /// with other content: 409; voiding a voiding statement: 400 — that request alone fails), then stores the accepted
    /// requests' new statements together. Returns the accepted requests — their tasks complete once the caller commits —
    /// and the store's last statement once it does (null for an empty store).
    /// </summary>
    private async Task<(List<PendingStatementWrite> Accepted, LastStatement? Last)> WriteGroupAsync(List<PendingStatementWrite> group, CancellationToken ct)
    {
        var organisationId = group[0].Caller.OrganisationId;
        var ids = group.SelectMany(w => w.Statements.Select(s => s.Id)).Distinct().ToList();
        var targets = group.SelectMany(w => w.Statements).Where(s => s.Voids is not null).Select(s => s.Voids!.Value).Distinct().ToList();
        var lookups = ids.Concat(targets).Distinct().ToList();
        var completed = CompletedActivities(group);

        // One round trip for every check, under the lock: the group's ids already stored (same content, or a conflict),
        // the voiding targets that are voiding statements themselves, stored statements that void one of the group's
        // ids, and which completed activities count for compliance.
        var snapshot = await GroupSnapshot.ReadAsync(db, organisationId, ids, lookups, completed, ct);
        var related = snapshot.Related;
        var idSet = ids.ToHashSet();
        var existing = related.Where(r => idSet.Contains(r.StatementId)).DistinctBy(r => r.StatementId).ToDictionary(r => r.StatementId);
        var voidingStored = related.Where(r => r.VoidsStatementId is not null).Select(r => r.StatementId).ToHashSet();
        var alreadyVoided = related.Where(r => r.VoidsStatementId is { } v && idSet.Contains(v)).Select(r => r.VoidsStatementId!.Value).ToHashSet();

        var seen = new Dictionary<Guid, PreparedStatement>();
        var accepted = new List<PendingStatementWrite>();
        var fresh = new List<(PendingStatementWrite Write, PreparedStatement Statement)>();
        foreach (var write in group)
        {
            try
            {
                var own = new List<PreparedStatement>();
                foreach (var p in write.Statements)
                {
                    var stored = existing.TryGetValue(p.Id, out var row) ? JsonNode.Parse(row.Json)!.AsObject()
                        : seen.TryGetValue(p.Id, out var earlier) ? earlier.Statement : null;
                    if (stored is null)
                    {
                        own.Add(p);
                    }
                    else if (!StatementComparer.SameContent(p.Statement, stored))
                    {
                        throw new XapiException(409, $"{p.Path}.id: a different statement with id {p.Id} is already stored; statement ids cannot be reused");
                    }
                }

                var voidingHere = own.Where(p => p.Voids is not null).Select(p => p.Id).ToHashSet();
                foreach (var p in own.Where(p => p.Voids is { } target
                    && (voidingStored.Contains(target) || voidingHere.Contains(target) || (seen.TryGetValue(target, out var s) && s.Voids is not null))))
                {
                    throw XapiException.BadRequest($"{p.Path}.object.id: statement {p.Voids} is itself a voiding statement, and a voiding statement cannot be voided");
                }

                await attachmentStore.SaveAsync(organisationId, [.. write.Statements.Select(p => p.Statement)], write.Attachments, write.Batch, ct);
                own.ForEach(p => seen[p.Id] = p);
                fresh.AddRange(own.Select(p => (write, p)));
                accepted.Add(write);
            }
            catch (XapiException e)
            {
                write.Fail(e);
            }
        }

        var last = snapshot.Last;
        if (fresh.Count > 0)
        {
            last = await InsertAsync(fresh, last, alreadyVoided, snapshot.MappedActivities, ct);
            await ReindexReferringAsync(organisationId, fresh, related, ct);
        }

        return (accepted, last);
    }

    private async Task<LastStatement> InsertAsync(List<(PendingStatementWrite Write, PreparedStatement Statement)> fresh, LastStatement? last,
        HashSet<Guid> alreadyVoided, IReadOnlySet<string> mappedActivities, CancellationToken ct)
    {
        var organisationId = fresh[0].Write.Caller.OrganisationId;

        // A statement stored after the statement that voids it arrives voided (alreadyVoided).
        var voidedInBatch = fresh.Where(f => f.Statement.Voids is not null).Select(f => f.Statement.Voids!.Value).ToHashSet();
        var (rows, refs, written) = Draft(fresh, (last?.Seq ?? 0, last?.Stored ?? DateTime.MinValue), alreadyVoided, voidedInBatch);
        await StatementRefTargets.AddInheritedAsync(db, organisationId, rows, fresh.ConvertAll(f => f.Statement.Statement), refs, ct);
        await BulkInsert.InsertAsync(db, rows, refs, ct);
        var targets = voidedInBatch.ToList();
        if (targets.Count > 0)
        {
            await db.XapiStatements
                .Where(s => s.OrganisationId == organisationId && targets.Contains(s.StatementId) && s.VoidsStatementId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Voided, true), ct);
            await WithdrawXapiCompletions.RunAsync(db, organisationId, targets, ct);
        }

        // One caller per group (StatementWriteLock.TakeGroup), so one pass records the group's completions.
        var statements = fresh.ToDictionary(f => f.Statement.Id, f => f.Statement.Statement);
        await completions.RunAsync(fresh[0].Write.Caller, rows.Where(r => r.VoidsStatementId is null && !r.Voided && r.ActivityId is not null && mappedActivities.Contains(r.ActivityId)).ToList(), statements, ct);
        return new LastStatement(written.Seq, organisationId, rows[^1].StatementId, written.Stored);
    }

    /// <summary>
    /// The rows of the group's new statements and their index rows, stored in order after <paramref name="last"/> at one
    /// stored time (now, or the last stored time should the clock be behind it); the statements get their stored,
    /// authority, version and, where missing, timestamp. Returns the last row's order and the stored time.
    /// </summary>
    internal (List<XapiStatement> Rows, List<XapiStatementRef> Refs, (long Seq, DateTime Stored) Last) Draft(List<(PendingStatementWrite Write, PreparedStatement Statement)> fresh,
        (long Seq, DateTime Stored) last, IReadOnlySet<Guid> alreadyVoided, IReadOnlySet<Guid> voidedInBatch)
    {
        var organisationId = fresh[0].Write.Caller.OrganisationId;
        var (stored, storedText) = StoredTime(last.Stored);
        var seq = last.Seq;
        var rows = new List<XapiStatement>(fresh.Count);
        var refs = new List<XapiStatementRef>(fresh.Count * 5);
        var authorities = new Dictionary<PendingStatementWrite, JsonObject>();
        foreach (var (write, p) in fresh)
        {
            seq++;
            if (!authorities.TryGetValue(write, out var authority))
            {
                authorities[write] = authority = write.Caller.Authority();
            }

            // The row from the statement's draft (made ahead, or now: before the statement is changed below).
            var row = (p.Draft ?? StatementDraft.Of(p, authority, write.Version)).Row(organisationId, seq, p.Id, write.Caller.ClientId, stored, storedText, refs);
            row.Voided = p.Voids is null && (alreadyVoided.Contains(p.Id) || voidedInBatch.Contains(p.Id));
            row.VoidsStatementId = p.Voids;
            row.TargetStatementId = StatementRefTargets.Target(p.Statement);
            rows.Add(row);

            // The statement as stored, for what reads it after this (completions, StatementRef targets, a resend in the group).
            var s = p.Statement;
            s["timestamp"] ??= storedText;
            s["stored"] = storedText;
            s["authority"] = authority.DeepClone();
            s["version"] ??= StatementDraft.VersionText(write.Version);
        }

        return (rows, refs, (seq, stored));
    }

    /// <summary>
    /// The rows of a plain group's statements from their drafts (<see cref="StatementDraft"/>), in order after
    /// <paramref name="after"/> at one stored time, as <see cref="Draft"/> would make them.
    /// </summary>
    private (List<XapiStatement> Rows, List<XapiStatementRef> Refs) DraftPlain(List<PendingStatementWrite> group, LastStatement after)
    {
        var organisationId = group[0].Caller.OrganisationId;
        var (stored, storedText) = StoredTime(after.Stored);
        var count = group.Sum(w => w.Statements.Count);
        var rows = new List<XapiStatement>(count);
        var refs = new List<XapiStatementRef>(count * 5);
        var seq = after.Seq;
        foreach (var write in group)
        {
            foreach (var p in write.Statements)
            {
                rows.Add(p.Draft!.Row(organisationId, ++seq, p.Id, write.Caller.ClientId, stored, storedText, refs));
            }
        }

        return (rows, refs);
    }

    /// <summary>A group's stored time: now, or the last stored time should the clock be behind it; and as the JSON gives it.</summary>
    private (DateTime Stored, string Text) StoredTime(DateTime lastStored)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = lastStored > now ? lastStored : now;
        return (stored, stored.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>Stored statements that refer to one just stored (a StatementRef sent before its target) inherit its index rows.</summary>
    private async Task ReindexReferringAsync(int organisationId, List<(PendingStatementWrite Write, PreparedStatement Statement)> fresh, IReadOnlyList<GroupSnapshot.Stored> related,
        CancellationToken ct)
    {
        var batch = fresh.ToDictionary(f => f.Statement.Id, f => f.Statement.Statement);
        var referring = related
            .Where(r => !batch.ContainsKey(r.StatementId))
            .DistinctBy(r => r.StatementId)
            .Select(r => (r.Seq, r.StatementId, Statement: JsonNode.Parse(r.Json)!.AsObject()))
            .Where(r => StatementRefTargets.Target(r.Statement) is { } target && batch.ContainsKey(target))
            .ToList();
        if (referring.Count > 0)
        {
            await StatementRefTargets.ReindexReferringAsync(db, organisationId, referring, batch, ct);
        }
    }

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
