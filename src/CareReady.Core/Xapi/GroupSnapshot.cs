using System.Data.Common;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareReady.Core.Xapi;

/// <summary>
/// What a group of statement requests needs from the store, read under the database side of the write lock in one
/// round trip (ADR 0022): the last stored statement's order and time; the stored statements with one of the group's
/// ids or voiding targets, and those that void or otherwise refer to one of the group's ids (a StatementRef that
/// arrived before its target); and which of the group's completed activities are mapped to a module or competency.
/// On PostgreSQL the statements go as one prepared batch (JIT off for the transaction, then the advisory lock — each
/// later statement sees every write committed before the lock was granted); SQLite runs them in order.
/// </summary>
internal sealed record GroupSnapshot(LastStatement? Last, IReadOnlyList<GroupSnapshot.Stored> Related, IReadOnlySet<string> MappedActivities)
{
    /// <summary>Advisory lock key ("xAPI" in ASCII).</summary>
    internal const long AdvisoryKey = 0x78415049;

    private const string LastSql = """SELECT "Seq", "Stored", "OrganisationId", "StatementId" FROM "XapiStatements" ORDER BY "Seq" DESC LIMIT 1""";

    /// <summary>A stored statement the group's checks need.</summary>
    internal sealed record Stored(Guid StatementId, string Json, Guid? VoidsStatementId, long Seq);

    /// <param name="ids">The group's statement ids.</param>
    /// <param name="lookups">The group's ids and voiding targets.</param>
    /// <param name="activities">Activities the group says were passed or completed.</param>
    public static async Task<GroupSnapshot> ReadAsync(AppDbContext db, int organisationId, IReadOnlyList<Guid> ids, IReadOnlyList<Guid> lookups,
        IReadOnlyList<string> activities, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql)
        {
            await using var batch = PostgresBatch(npgsql, (Npgsql.NpgsqlTransaction?)transaction, organisationId, ids, lookups, activities);
            await batch.PrepareAsync(ct); // once per physical connection
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct); // past the lock's empty row
            return await ReadAsync(reader, ct);
        }

        await using (var command = SqliteCommand(db, transaction, organisationId, ids, lookups, activities))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadAsync(reader, ct);
        }
    }

    private static async Task<GroupSnapshot> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        LastStatement? last = null;
        if (await reader.ReadAsync(ct))
        {
            last = new LastStatement(reader.GetInt64(0), reader.GetInt32(2), reader.GetGuid(3), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        }

        var related = new List<Stored>();
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            related.Add(new Stored(reader.GetGuid(0), reader.GetString(1), await reader.IsDBNullAsync(2, ct) ? null : reader.GetGuid(2), reader.GetInt64(3)));
        }

        var mapped = new HashSet<string>(StringComparer.Ordinal);
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            mapped.Add(reader.GetString(0));
        }

        return new GroupSnapshot(last, related, mapped);
    }

    private static string RelatedSql(string org, string lookups, string groupIds) => $"""
        SELECT "StatementId", "Json", "VoidsStatementId", "Seq" FROM "XapiStatements" WHERE "OrganisationId" = {org} AND "StatementId" {lookups}
        UNION ALL
        SELECT "StatementId", "Json", "VoidsStatementId", "Seq" FROM "XapiStatements" WHERE "OrganisationId" = {org} AND "VoidsStatementId" IS NOT NULL AND "VoidsStatementId" {groupIds}
        UNION ALL
        SELECT "StatementId", "Json", "VoidsStatementId", "Seq" FROM "XapiStatements"
        WHERE "OrganisationId" = {org} AND "TargetStatementId" IS NOT NULL AND "TargetStatementId" {groupIds} AND "VoidsStatementId" IS NULL
        """;

    private static string MappedSql(string org, string activities) =>
        $"""SELECT DISTINCT "ActivityId" FROM "XapiActivityMappings" WHERE "OrganisationId" = {org} AND "ActivityId" {activities}""";

    /// <summary>One batch of constant text (lists go as arrays), so it can be prepared.</summary>
    private static Npgsql.NpgsqlBatch PostgresBatch(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction? transaction, int organisationId,
        IReadOnlyList<Guid> ids, IReadOnlyList<Guid> lookups, IReadOnlyList<string> activities) => new(connection, transaction)
    {
        BatchCommands =
        {
            // The lookups' generic plans can be estimated above jit_above_cost (an array parameter of unknown length over
            // a column with no statistics yet): compiling them took 20–70 ms a group. This transaction never needs JIT.
            new Npgsql.NpgsqlBatchCommand("SET LOCAL jit = off"),
            new Npgsql.NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AdvisoryKey})"),
            new Npgsql.NpgsqlBatchCommand(LastSql),
            new Npgsql.NpgsqlBatchCommand(RelatedSql("$1", "= ANY($2)", "= ANY($3)"))
            {
                Parameters = { new() { Value = organisationId }, new() { Value = lookups.ToArray() }, new() { Value = ids.ToArray() } },
            },
            new Npgsql.NpgsqlBatchCommand(MappedSql("$1", "= ANY($2)"))
            {
                Parameters = { new() { Value = organisationId }, new() { Value = activities.ToArray() } },
            },
        },
    };

    /// <summary>The same statements as one SQLite command (no lock to take: the in-process semaphore is the lock).</summary>
    private static DbCommand SqliteCommand(AppDbContext db, DbTransaction? transaction, int organisationId,
        IReadOnlyList<Guid> ids, IReadOnlyList<Guid> lookups, IReadOnlyList<string> activities)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var statementId = db.Model.FindEntityType(typeof(XapiStatement))!.FindProperty(nameof(XapiStatement.StatementId))!.GetRelationalTypeMapping();

        // The list's values as parameters @name0, @name1…, stored as EF stores them (a Guid is upper-case text on SQLite).
        string In<T>(string name, IReadOnlyList<T> values, RelationalTypeMapping? mapping)
        {
            for (var i = 0; i < values.Count; i++)
            {
                command.Parameters.Add(mapping is null
                    ? new Microsoft.Data.Sqlite.SqliteParameter("@" + name + i, values[i])
                    : mapping.CreateParameter(command, "@" + name + i, values[i]));
            }

            return "IN (" + string.Join(", ", Enumerable.Range(0, values.Count).Select(i => "@" + name + i)) + ")";
        }

        command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@org", organisationId));
#pragma warning disable CA2100 // Fixed text and parameter placeholders only; values are parameters.
        command.CommandText = LastSql + ";\n" + RelatedSql("@org", In("id", lookups, statementId), In("group", ids, statementId)) + ";\n"
            + MappedSql("@org", In<string>("activity", activities, null));
#pragma warning restore CA2100
        return command;
    }
}
