using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReady.Core.Xapi;

/// <summary>
/// The common case of a statement group on PostgreSQL written in one round trip (ADR 0026): new statements, none of
/// them voiding or referring to another statement, no attachment parts, following a statement the writer knows is (or
/// will be) the last in the store. One prepared batch, in the implicit transaction PostgreSQL gives a batch sent with
/// one Sync: JIT off, for a large group the commit not waiting for the disk, and the advisory lock, then one statement
/// whose guard checks, under the lock, what <see cref="GroupSnapshot"/> would read — the store ends with the expected
/// statement (its order, organisation and id: no other writer since, and the group sent before this one was written),
/// none of the group's ids is stored, no stored statement voids or refers to one of them, and none of the completed
/// activities is mapped to a module or competency — and whose two inserts run only when it holds. PostgreSQL commits at
/// the Sync: nothing is written when the guard fails, and the writer then takes the checked path (snapshot, inserts,
/// commit: three round trips). A large group's commit (<c>flushLater</c>) releases the lock without waiting for its WAL
/// to be flushed, so the next group goes ahead while the disk writes; its requests are answered only after
/// <see cref="FlushAsync"/> (ADR 0027).
/// </summary>
internal static class PlainGroupWrite
{
    private const string Guard = """
        EXISTS (SELECT FROM (SELECT "Seq", "OrganisationId", "StatementId" FROM "XapiStatements" ORDER BY "Seq" DESC LIMIT 1) l
            WHERE l."Seq" = $2 AND l."OrganisationId" = $5 AND l."StatementId" = $6)
        AND NOT EXISTS (SELECT FROM "XapiStatements" WHERE "OrganisationId" = $1 AND "StatementId" = ANY($3))
        AND NOT EXISTS (SELECT FROM "XapiStatements" WHERE "OrganisationId" = $1 AND "VoidsStatementId" IS NOT NULL AND "VoidsStatementId" = ANY($3))
        AND NOT EXISTS (SELECT FROM "XapiStatements" WHERE "OrganisationId" = $1 AND "TargetStatementId" IS NOT NULL AND "TargetStatementId" = ANY($3))
        AND NOT EXISTS (SELECT FROM "XapiActivityMappings" WHERE "OrganisationId" = $1 AND "ActivityId" = ANY($4))
        """;

    /// <summary>
    /// Whether a group can go this way at all: no voiding statement, no StatementRef object, no attachment parts, and no
    /// statement id twice in the group (a resend within the group needs the content check).
    /// </summary>
    public static bool Fits(List<PendingStatementWrite> group)
    {
        var ids = new HashSet<Guid>();
        foreach (var write in group)
        {
            if (write.Attachments is { Count: > 0 })
            {
                return false;
            }

            foreach (var p in write.Statements)
            {
                if (p.Voids is not null || StatementRefTargets.Target(p.Statement) is not null || !ids.Add(p.Id))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Writes and commits the rows when the guard holds; returns false, having written nothing, when it does not. The
    /// commit is not yet durable when this returns if <paramref name="flushLater"/>: see <see cref="FlushAsync"/>.
    /// </summary>
    /// <param name="after">The statement the store must end with (the rows follow it): the last this writer stored or sent.</param>
    /// <param name="ids">The group's statement ids.</param>
    /// <param name="completed">Activities the group says were passed or completed.</param>
    /// <param name="flushLater">Commit without waiting for the WAL flush (the caller waits with <see cref="FlushAsync"/> before answering).</param>
    /// <param name="behind">For a group sent while the one before is in flight: done once that one holds the lock.</param>
    /// <param name="locked">Set once this group holds the lock (the caller also sets it should this fail first).</param>
    public static async Task<bool> TryAsync(AppDbContext db, StatementWriterConnections connections, int organisationId, LastStatement after, IReadOnlyList<Guid> ids, IReadOnlyList<string> completed,
        IReadOnlyList<XapiStatement> rows, IReadOnlyList<XapiStatementRef> refs, bool flushLater, Task? behind, TaskCompletionSource locked, CancellationToken ct)
    {
        var statements = BulkInsert.UnnestInsert(db, rows, firstParameter: 7, "(SELECT ok FROM guard)");
        var indexRows = BulkInsert.UnnestInsert(db, refs, firstParameter: 7 + statements.Parameters.Length, "(SELECT ok FROM guard)");
#pragma warning disable CA2100 // Fixed text, identifiers from the EF model and positional parameters; values are parameters.
        var write = new NpgsqlBatchCommand($"""
            WITH guard AS (SELECT {Guard} AS ok),
            s AS ({statements.Sql}),
            r AS ({indexRows.Sql})
            SELECT ok FROM guard
            """)
        {
            Parameters =
            {
                new() { Value = organisationId }, new() { Value = after.Seq }, new() { Value = ids.ToArray() }, new() { Value = completed.ToArray() },
                new() { Value = after.OrganisationId }, new() { Value = after.StatementId },
            },
        };
#pragma warning restore CA2100
        write.Parameters.AddRange(statements.Parameters);
        write.Parameters.AddRange(indexRows.Parameters);

        await using var connection = await connections.OpenAsync(ct);
        // No NpgsqlTransaction: the batch goes with one Sync, so PostgreSQL runs it as one implicit transaction and
        // commits at the Sync (set_config's "local" and the transaction-scoped lock last until then). A large group's
        // commit does not wait for the WAL flush, which would hold the lock for the length of a disk write (ADR 0027);
        // otherwise the setting stays what the server or role says.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT set_config('jit', 'off', true), set_config('synchronous_commit', coalesce($1, current_setting('synchronous_commit')), true), pg_advisory_xact_lock({GroupSnapshot.AdvisoryKey})")
                {
                    Parameters = { new() { Value = flushLater ? "off" : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } },
                },
                write,
            },
        };
        await batch.PrepareAsync(ct); // once per physical connection
        if (behind is not null)
        {
            // The group before this one must take the lock first, or this one's guard finds the store not ending where it
            // expects and the group goes the checked way for nothing. Sent later on another connection is not enough: that
            // connection may still be opening or preparing. Its lock held, this one queues behind it in PostgreSQL.
            await behind;
        }

        bool ok;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct); // the lock's row, sent once PostgreSQL has granted the lock
            locked.TrySetResult();
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            ok = reader.GetBoolean(0);
        } // disposed: read to ReadyForQuery, which PostgreSQL sends once it has committed

        return ok;
    }

    /// <summary>
    /// Returns once everything committed before the call is on disk: a transaction of its own that writes a WAL record (an
    /// empty logical-decoding message, which any role may emit and nothing reads) and commits synchronously. PostgreSQL
    /// flushes the WAL up to that commit, and the WAL is written in order, so every earlier commit is flushed with it;
    /// flushes that overlap are done once.
    /// </summary>
    public static async Task FlushAsync(StatementWriterConnections connections, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_logical_emit_message(true, 'careready', '')", connection);
        await command.ExecuteNonQueryAsync(ct); // autocommit with the session's synchronous_commit (on): returns after the flush
    }
}
